using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace HepBuilder.SearchBench.Dataset;

public sealed record DatasetUser(string Id, string Email, string FullName, string Credentials, bool IsAdmin)
{
    /// <summary>As the app prints it on a version ("Dana Reyes, DPT").</summary>
    public string DisplayName => $"{FullName}, {Credentials}";
}

public sealed record DatasetClinic(int Index, Guid Id, string Name, IReadOnlyList<DatasetUser> Users);

/// <summary>
/// Clinics and their users as real Identity rows (normalized names, security stamps, roles, a PBKDF2 hash made by
/// Identity's own hasher with the app's iteration count), so every user signs in through the real sign-in page.
/// </summary>
public static class People
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Towns =
    [
        "Northside", "Lakeside", "Riverbend", "Hillcrest", "Westgate", "Eastview", "Fairmont", "Oakridge", "Pinewood", "Maple Grove",
    ];

    private static readonly string[] Zones = ["America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles", "UTC"];

    internal static readonly string[] FirstNames =
    [
        "Dana", "Avery", "Jordan", "Morgan", "Riley", "Casey", "Taylor", "Jamie", "Alex", "Sam", "Robin", "Quinn", "Maria", "James",
        "Linda", "Robert", "Patricia", "Michael", "Barbara", "William", "Elizabeth", "David", "Jennifer", "Richard", "Susan",
        "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty",
        "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
        "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie", "Ronald", "Aisha",
        "Mei", "Omar", "Priya", "Chen", "Sofia", "Mateo", "Yusuf", "Ingrid", "Kofi",
    ];

    internal static readonly string[] LastNames =
    [
        "Reyes", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
        "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell",
        "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reed",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey",
        "Kowalski", "Okafor", "Haddad", "Yamamoto", "Schmidt", "Novak", "O'Brien", "Van der Berg",
    ];

    private static readonly string[] Credentials = ["DPT", "PT", "MD", "PTA", "DPT, OCS", "DO"];

    /// <summary>Clinic index 0 is "Clinic 01 …", first by name, which the library generator gives its 10,000 exercises.</summary>
    public static string Email(int clinic, int user) => user == 0
        ? $"admin.c{clinic + 1:D2}@perf.example"
        : $"clinician.c{clinic + 1:D2}.u{user}@perf.example";

    public static async Task<DatasetPeople> WriteAsync(NpgsqlConnection connection, DatasetSize size, int seed)
    {
        var random = new Random(seed);
        var ids = new SequentialIds(random);
        var adminRole = ids.Next(IdSpace.Role).ToString();
        var clinicianRole = ids.Next(IdSpace.Role).ToString();
        await using (var command = new NpgsqlCommand(
            "INSERT INTO asp_net_roles (id, name, normalized_name, concurrency_stamp) VALUES (@a, 'Admin', 'ADMIN', @a), (@c, 'Clinician', 'CLINICIAN', @c)",
            connection))
        {
            command.Parameters.AddWithValue("a", adminRole);
            command.Parameters.AddWithValue("c", clinicianRole);
            await command.ExecuteNonQueryAsync();
        }

        var hasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
        var hash = hasher.HashPassword(null!, DatasetGenerator.Password);
        var clinics = new List<DatasetClinic>();
        for (var c = 0; c < size.Clinics; c++)
        {
            var users = Enumerable.Range(0, size.UsersPerClinic).Select(u => new DatasetUser(ids.Next(IdSpace.User).ToString(), Email(c, u),
                $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                Credentials[random.Next(Credentials.Length)], u == 0)).ToList();
            clinics.Add(new DatasetClinic(c, ids.Next(IdSpace.Clinic), $"Clinic {c + 1:D2} · {Towns[c % Towns.Length]} Spine", users));
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY clinics (id, name, phone, address, paper_size, require_admin_two_factor, time_zone, created_at, modified_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in clinics)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(c.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync($"(555) 01{c.Index:D2}-{1000 + c.Index}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"{100 + c.Index} Main Street, {Towns[c.Index % Towns.Length]}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(c.Index % 5 == 4 ? "A4" : "Letter", NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(Zones[c.Index % Zones.Length], NpgsqlDbType.Varchar);
                await writer.WriteAsync(Now.AddYears(-3), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(Now.AddYears(-3), NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY asp_net_users (id, clinic_id, full_name, credentials, is_active, created_at, user_name, normalized_user_name, email, "
            + "normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, "
            + "two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in clinics)
            {
                foreach (var u in c.Users)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(u.Id, NpgsqlDbType.Text);
                    await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(u.FullName, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(u.Credentials, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(Now.AddYears(-3), NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(u.Email, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(u.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(u.Email, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(u.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(hash, NpgsqlDbType.Text);
                    await writer.WriteAsync(ids.Next(IdSpace.Stamp).ToString("N").ToUpperInvariant(), NpgsqlDbType.Text);
                    await writer.WriteAsync(ids.Next(IdSpace.Stamp).ToString(), NpgsqlDbType.Text);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer);
                }
            }
            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY asp_net_user_roles (user_id, role_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var u in clinics.SelectMany(c => c.Users))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(u.Id, NpgsqlDbType.Text);
                await writer.WriteAsync(u.IsAdmin ? adminRole : clinicianRole, NpgsqlDbType.Text);
            }
            await writer.CompleteAsync();
        }
        return new DatasetPeople(clinics);
    }
}

public sealed record DatasetPeople(IReadOnlyList<DatasetClinic> Clinics);

public enum IdSpace : byte { Role = 1, Clinic, User, Stamp, Patient, Precaution, Program, Version, Item }

/// <summary>
/// Ids that grow with every row of a table (a table tag, a counter, then seeded random bytes), so primary-key indexes
/// fill from the right during the load instead of splitting random pages. Deterministic with the seed.
/// </summary>
public sealed class SequentialIds(Random random)
{
    private readonly long[] _counters = new long[16];

    public Guid Next(IdSpace space)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes[9..]);
        bytes[0] = (byte)space;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[1..9], ++_counters[(int)space]);
        return new Guid(bytes, bigEndian: true);
    }
}
