using HepBuilder.Data.Entities;
using Npgsql;
using NpgsqlTypes;
using static HepBuilder.SearchBench.Dataset.ClinicalText;

namespace HepBuilder.SearchBench.Dataset;

/// <summary>
/// Patients, programs, versions, items and the audit trail, generated in one pass and streamed through six binary
/// COPYs on six connections at once (the server ingests on its own processes while this one generates). Rows are
/// consistent by construction: each program's clinic, patient, clinician, exercises and audit rows agree.
/// </summary>
public sealed class ClinicalRows : IAsyncDisposable
{
    private readonly Random _random;
    private readonly SequentialIds _ids;
    private readonly DatasetSize _size;
    private readonly DatasetPeople _people;
    private readonly ExercisePool _pool;
    private readonly byte[] _pdf = PlaceholderPdf();
    private readonly string _sha;
    private readonly Dictionary<string, (NpgsqlConnection Connection, NpgsqlBinaryImporter Writer, NpgsqlTransaction? Tx)> _copies = [];

    /// <summary>
    /// The biggest tables no foreign key points at: truncated and filled in one transaction, so COPY can FREEZE the
    /// rows (no later hint-bit rewrite or freeze pass) and a wal_level=minimal server writes no WAL for them.
    /// </summary>
    private static readonly string[] Frozen = ["program_items", "audit_events", "patient_precautions"];
    private long _auditId;
    private readonly Dictionary<string, long> _rows = [];

    private ClinicalRows(DatasetSize size, DatasetPeople people, ExercisePool pool, int seed)
    {
        _random = new Random(seed + 1);
        _ids = new SequentialIds(new Random(seed + 2));
        (_size, _people, _pool) = (size, people, pool);
        _sha = Sha256Hex(_pdf);
    }

    public static async Task<string> WriteAsync(string connectionString, DatasetSize size, DatasetPeople people, ExercisePool pool, int seed)
    {
        await using var rows = new ClinicalRows(size, people, pool, seed);
        await rows.OpenAsync(connectionString);
        // Synchronous writes on this thread: the importers' buffers go out as they fill, to six server processes.
        await Task.Run(rows.Generate);
        foreach (var (_, (_, writer, tx)) in rows._copies)
        {
            await writer.CompleteAsync();
            await writer.DisposeAsync();
            if (tx is not null) await tx.CommitAsync();
        }
        return string.Join(", ", rows._rows.Select(kv => $"{kv.Value:N0} {kv.Key}"));
    }

    private async Task OpenAsync(string connectionString)
    {
        // Replica mode skips the foreign-key triggers and the audit table's append-only, no-truncate and hash-chain
        // triggers during the load (the rows are consistent by construction; generated audit rows carry no chain
        // position, so `verify-audit` reports them); it needs a superuser, as a benchmark cluster has.
        var cs = new NpgsqlConnectionStringBuilder(connectionString) { WriteBufferSize = 1 << 18, Pooling = false }.ConnectionString;
        foreach (var (table, columns) in Columns)
        {
            var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync();
            await DatasetGenerator.ExecAsync(connection, "SET session_replication_role = replica; SET synchronous_commit = off");
            NpgsqlTransaction? tx = null;
            var freeze = Frozen.Contains(table);
            if (freeze)
            {
                tx = await connection.BeginTransactionAsync();
                await DatasetGenerator.ExecAsync(connection, $"TRUNCATE {table}");
            }
            var writer = await connection.BeginBinaryImportAsync(
                $"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY{(freeze ? ", FREEZE" : "")})");
            _copies[table] = (connection, writer, tx);
            _rows[table] = 0;
        }
    }

    private static readonly (string Table, string Columns)[] Columns =
    [
        ("patients", "id, clinic_id, first_name, last_name, date_of_birth, mrn, diagnosis, surgery_date, is_archived, created_at, modified_at"),
        ("patient_precautions", "id, patient_id, kind, max_lift_pounds, text, until"),
        ("programs", "id, clinic_id, patient_id, title, created_by_id, created_at, modified_at"),
        ("program_versions", "id, clinic_id, program_id, number, state, title, instructions, start_date, paper_size, large_print, "
            + "show_pictures, issued_at, issued_by_id, issued_by_name, handout_sha256, handout_pdf, created_at, modified_at"),
        ("program_items", "id, clinic_id, version_id, position, exercise_id, frozen_name, frozen_steps, frozen_cues, frozen_precautions, "
            + "frozen_pictures_json, dose_sets, dose_reps, dose_hold_seconds, dose_side, dose_times_per_day, dose_days_per_week, "
            + "dose_rest_seconds, dose_load, dose_note, overrides"),
        ("audit_events", "id, clinic_id, user_id, user_name, action, entity_type, entity_id, patient_id, details, ip_address, at"),
    ];

    private NpgsqlBinaryImporter Row(string table)
    {
        _rows[table]++;
        var writer = _copies[table].Writer;
        writer.StartRow();
        return writer;
    }

    private void Generate()
    {
        var patients = _size.Clinics * _size.PatientsPerClinic;
        var programs = ProgramsPerPatient(patients);
        var p = 0;
        foreach (var clinic in _people.Clinics)
        {
            var exercises = _pool.For(clinic.Id);
            for (var k = 0; k < _size.PatientsPerClinic; k++, p++)
            {
                var (patientId, since) = Patient(clinic, k);
                for (var j = 0; j < programs[p]; j++) Program(clinic, exercises, patientId, since);
            }
        }
    }

    /// <summary>1 to 7 programs a patient (4 on average), adjusted to the exact total.</summary>
    private int[] ProgramsPerPatient(int patients)
    {
        if (_size.Programs < patients || _size.Programs > 7 * patients)
        {
            throw new ArgumentException($"{_size.Programs} programs cannot be spread 1 to 7 a patient over {patients} patients.");
        }
        var counts = Enumerable.Range(0, patients).Select(_ => 1 + _random.Next(7)).ToArray();
        var sum = counts.Sum();
        while (sum != _size.Programs)
        {
            var i = _random.Next(patients);
            if (sum > _size.Programs && counts[i] > 1) { counts[i]--; sum--; }
            else if (sum < _size.Programs && counts[i] < 7) { counts[i]++; sum++; }
        }
        return counts;
    }

    private DatasetUser Clinician(DatasetClinic clinic) => clinic.Users[1 + _random.Next(clinic.Users.Count - 1)];

    private DateTimeOffset Clamp(DateTimeOffset t) => t < People.Now ? t : People.Now.AddMinutes(-_random.Next(1, 600));

    private (Guid Id, DateTimeOffset Created) Patient(DatasetClinic clinic, int k)
    {
        var id = _ids.Next(IdSpace.Patient);
        var created = People.Now.AddMinutes(-_random.Next(2 * 365 * 24 * 60));
        var first = People.FirstNames[_random.Next(People.FirstNames.Length)];
        var last = People.LastNames[_random.Next(People.LastNames.Length)];
        DateOnly? surgery = _random.Next(5) < 2 ? DateOnly.FromDateTime(created.AddDays(_random.Next(-30, 20)).UtcDateTime) : null;
        var w = Row("patients");
        w.Write(id, NpgsqlDbType.Uuid);
        w.Write(clinic.Id, NpgsqlDbType.Uuid);
        w.Write(first, NpgsqlDbType.Varchar);
        w.Write(last, NpgsqlDbType.Varchar);
        w.Write(new DateOnly(1940, 1, 1).AddDays(_random.Next(65 * 365)), NpgsqlDbType.Date);
        w.Write($"M{clinic.Index + 1:D2}{k:D6}", NpgsqlDbType.Varchar);
        w.Write(Diagnoses[_random.Next(Diagnoses.Length)], NpgsqlDbType.Varchar);
        if (surgery is null) w.WriteNull(); else w.Write(surgery.Value, NpgsqlDbType.Date);
        w.Write(_random.Next(20) == 0, NpgsqlDbType.Boolean);
        w.Write(created, NpgsqlDbType.TimestampTz);
        w.Write(created, NpgsqlDbType.TimestampTz);

        if (_random.Next(4) == 0)
        {
            foreach (var kind in PrecautionKinds.OrderBy(_ => _random.Next()).Take(1 + _random.Next(2)))
            {
                var x = Row("patient_precautions");
                x.Write(_ids.Next(IdSpace.Precaution), NpgsqlDbType.Uuid);
                x.Write(id, NpgsqlDbType.Uuid);
                x.Write(kind, NpgsqlDbType.Varchar);
                if (kind == "NoLifting") x.Write(10 + 5 * _random.Next(3), NpgsqlDbType.Integer); else x.WriteNull();
                if (kind == "Custom") x.Write(CustomPrecautions[_random.Next(CustomPrecautions.Length)], NpgsqlDbType.Varchar); else x.WriteNull();
                if (surgery is { } s) x.Write(s.AddDays(7 * (6 + _random.Next(7))), NpgsqlDbType.Date); else x.WriteNull();
            }
        }
        var user = Clinician(clinic);
        Audit(clinic, user, created, "patient.created", "Patient", id, id,
            $$$"""{"fields":{"First name":"{{{first}}}","Last name":"{{{Json(last)}}}"}}""");
        return (id, created);
    }

    private void Program(DatasetClinic clinic, PoolExercise[] exercises, Guid patientId, DateTimeOffset since)
    {
        var id = _ids.Next(IdSpace.Program);
        var user = Clinician(clinic);
        var title = ProgramTitles[_random.Next(ProgramTitles.Length)];
        var instructions = Instructions[_random.Next(Instructions.Length)];
        var t = Clamp(since.AddMinutes(_random.Next(60 * 24 * 60)));
        var created = t;
        var versions = 1 + _random.Next(4);
        var lastIsDraft = _random.Next(5) == 0;
        var issued = lastIsDraft ? versions - 1 : versions;
        var items = Pick(exercises, 5 + _random.Next(8));
        Audit(clinic, user, t, "program.created", "Program", id, patientId,
            $$"""{"title":"{{title}}","templateId":null,"items":{{items.Count}}}""");

        for (var n = 1; n <= versions; n++)
        {
            if (n > 1)
            {
                items = Revise(exercises, items);
                t = Clamp(t.AddDays(7 + _random.Next(36)));
                Audit(clinic, user, t, "program.revised", "Program", id, patientId, $$"""{"from":{{n - 1}}}""");
            }
            var versionCreated = t;
            var saves = 1 + _random.Next(2);
            for (var s = 0; s < saves; s++)
            {
                t = Clamp(t.AddMinutes(1 + _random.Next(120)));
                Audit(clinic, user, t, "program.saved", "Program", id, patientId, $$"""{"items":{{items.Count}}}""");
            }
            var isDraft = n > issued;
            var state = isDraft ? "Draft" : n == issued ? "Issued" : "Superseded";
            var versionId = _ids.Next(IdSpace.Version);
            var w = Row("program_versions");
            w.Write(versionId, NpgsqlDbType.Uuid);
            w.Write(clinic.Id, NpgsqlDbType.Uuid);
            w.Write(id, NpgsqlDbType.Uuid);
            if (isDraft) w.WriteNull(); else w.Write(n, NpgsqlDbType.Integer);
            w.Write(state, NpgsqlDbType.Varchar);
            w.Write(title, NpgsqlDbType.Varchar);
            if (instructions is null) w.WriteNull(); else w.Write(instructions, NpgsqlDbType.Varchar);
            w.Write(DateOnly.FromDateTime(t.UtcDateTime).AddDays(1), NpgsqlDbType.Date);
            w.Write(clinic.Index % 5 == 4 ? "A4" : "Letter", NpgsqlDbType.Varchar);
            w.Write(_random.Next(10) == 0, NpgsqlDbType.Boolean);
            w.Write(true, NpgsqlDbType.Boolean);
            if (isDraft)
            {
                for (var i = 0; i < 5; i++) w.WriteNull();
            }
            else
            {
                w.Write(t, NpgsqlDbType.TimestampTz);
                w.Write(user.Id, NpgsqlDbType.Varchar);
                w.Write(user.DisplayName, NpgsqlDbType.Varchar);
                w.Write(_sha, NpgsqlDbType.Varchar);
                w.Write(_pdf, NpgsqlDbType.Bytea);
            }
            w.Write(versionCreated, NpgsqlDbType.TimestampTz);
            w.Write(t, NpgsqlDbType.TimestampTz);
            Items(clinic, versionId, items, frozen: !isDraft, pictures: state == "Issued");
            if (!isDraft)
            {
                Audit(clinic, user, t, "program.issued", "Program", id, patientId,
                    $$"""{"version":{{n}},"items":{{items.Count}},"sha256":"{{_sha}}"}""");
                if (_random.Next(5) < 2)
                {
                    Audit(clinic, user, Clamp(t.AddMinutes(2)), "handout.downloaded", "Program", id, patientId,
                        $$"""{"version":{{n}},"sha256":"{{_sha}}"}""");
                }
            }
        }
        var viewed = Clamp(t.AddHours(1 + _random.Next(200)));
        Audit(clinic, user, viewed, "program.viewed", "Program", id, patientId, null);
        Audit(clinic, user, viewed, "patient.viewed", "Patient", patientId, patientId, null);

        var pw = Row("programs");
        pw.Write(id, NpgsqlDbType.Uuid);
        pw.Write(clinic.Id, NpgsqlDbType.Uuid);
        pw.Write(patientId, NpgsqlDbType.Uuid);
        pw.Write(title, NpgsqlDbType.Varchar);
        pw.Write(user.Id, NpgsqlDbType.Varchar);
        pw.Write(created, NpgsqlDbType.TimestampTz);
        pw.Write(t, NpgsqlDbType.TimestampTz);
    }

    private sealed record Item(PoolExercise Exercise, Dose Dose);

    private List<Item> Pick(PoolExercise[] exercises, int count)
    {
        var chosen = new List<Item>(count);
        while (chosen.Count < count)
        {
            var e = exercises[_random.Next(exercises.Length)];
            if (chosen.Any(i => i.Exercise.Id == e.Id)) continue;
            chosen.Add(new Item(e, DoseFor(e)));
        }
        return chosen;
    }

    private Dose DoseFor(PoolExercise e)
    {
        var dose = e.Dose.Copy();
        dose.Sets = Math.Clamp(dose.Sets + _random.Next(-1, 2), 1, 10);
        if (_random.Next(10) == 0) dose.Note = Notes[_random.Next(Notes.Length)];
        if (_random.Next(20) == 0) dose.Load = Loads[_random.Next(Loads.Length)];
        return dose;
    }

    /// <summary>The next version as a clinician revises: a dose changed, an exercise swapped, one added or removed.</summary>
    private List<Item> Revise(PoolExercise[] exercises, List<Item> items)
    {
        var next = items.ToList();
        var i = _random.Next(next.Count);
        var dose = next[i].Dose.Copy();
        dose.Reps = Math.Clamp(dose.Reps + 2 * _random.Next(-2, 3), 1, 100);
        next[i] = next[i] with { Dose = dose };
        var change = _random.Next(3);
        var extra = Pick(exercises, 1)[0];
        if (next.Any(x => x.Exercise.Id == extra.Exercise.Id)) return next;
        if (change == 0) next[_random.Next(next.Count)] = extra;
        else if (change == 1 && next.Count < 12) next.Add(extra);
        else if (next.Count > 5) next.RemoveAt(_random.Next(next.Count));
        return next;
    }

    /// <summary>
    /// Issued versions carry frozen copies of their exercises' text; the current issued one also its pictures (the
    /// patient's phone shows them). Superseded versions keep the text but not the pictures: nothing reads them there,
    /// and 3 million more picture copies would not fit the two-minute load.
    /// </summary>
    private void Items(DatasetClinic clinic, Guid versionId, List<Item> items, bool frozen, bool pictures)
    {
        for (var n = 0; n < items.Count; n++)
        {
            var (e, d) = (items[n].Exercise, items[n].Dose);
            var w = Row("program_items");
            w.Write(_ids.Next(IdSpace.Item), NpgsqlDbType.Uuid);
            w.Write(clinic.Id, NpgsqlDbType.Uuid);
            w.Write(versionId, NpgsqlDbType.Uuid);
            w.Write(n, NpgsqlDbType.Integer);
            w.Write(e.Id, NpgsqlDbType.Uuid);
            if (frozen)
            {
                w.Write(e.Name, NpgsqlDbType.Varchar);
                w.Write(e.Steps, NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write(e.Cues, NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write(e.Precautions, NpgsqlDbType.Array | NpgsqlDbType.Text);
                if (pictures) w.Write(e.PicturesJson, NpgsqlDbType.Jsonb); else w.WriteNull();
            }
            else
            {
                for (var i = 0; i < 5; i++) w.WriteNull();
            }
            w.Write(d.Sets, NpgsqlDbType.Integer);
            w.Write(d.Reps, NpgsqlDbType.Integer);
            w.Write(d.HoldSeconds, NpgsqlDbType.Integer);
            w.Write(d.Side.ToString(), NpgsqlDbType.Varchar);
            w.Write(d.TimesPerDay, NpgsqlDbType.Integer);
            w.Write(d.DaysPerWeek, NpgsqlDbType.Integer);
            w.Write(d.RestSeconds, NpgsqlDbType.Integer);
            if (d.Load is null) w.WriteNull(); else w.Write(d.Load, NpgsqlDbType.Varchar);
            if (d.Note is null) w.WriteNull(); else w.Write(d.Note, NpgsqlDbType.Varchar);
            w.Write("[]", NpgsqlDbType.Jsonb);
        }
    }

    private void Audit(DatasetClinic clinic, DatasetUser user, DateTimeOffset at, string action, string entityType, Guid entityId,
        Guid patientId, string? details)
    {
        var w = Row("audit_events");
        w.Write(++_auditId, NpgsqlDbType.Bigint);
        w.Write(clinic.Id, NpgsqlDbType.Uuid);
        w.Write(user.Id, NpgsqlDbType.Varchar);
        w.Write(user.Email, NpgsqlDbType.Varchar);
        w.Write(action, NpgsqlDbType.Varchar);
        w.Write(entityType, NpgsqlDbType.Varchar);
        w.Write(entityId.ToString(), NpgsqlDbType.Varchar);
        w.Write(patientId, NpgsqlDbType.Uuid);
        if (details is null) w.WriteNull(); else w.Write(details, NpgsqlDbType.Jsonb);
        w.Write("10.0.0.1", NpgsqlDbType.Varchar);
        w.Write(at, NpgsqlDbType.TimestampTz);
    }

    private static string Json(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, (connection, writer, tx)) in _copies)
        {
            await writer.DisposeAsync();
            if (tx is not null) await tx.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
