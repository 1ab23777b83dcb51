using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using HepBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Infrastructure.Audit;

/// <summary>One clinic's audit chain as verified: how many rows, and the first row that does not fit, if any.</summary>
public sealed record ChainReport(Guid ClinicId, long Rows, string? HeadHash, long? BrokenAt, string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Verifies the hash chain the database keeps over each clinic's audit rows (migration Hardening): every row holds the
/// hash of the one before it, positions run 1, 2, 3… without gaps, and each row's hash is recomputed here, in C#,
/// from its fields — not by the database function that wrote it. An edited, deleted or inserted row breaks the
/// chain from that point. The head hash, written down somewhere else, also shows rows cut off the end.
/// </summary>
public static class AuditChain
{
    private static readonly byte[] Genesis = new byte[32];

    // Fields as the database's audit_event_payload() renders them; the two must agree.
    private const string Query = """
        SELECT clinic_id, chain_seq, id, user_id, user_name, action, entity_type, entity_id, patient_id::text,
               details::text, ip_address, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), prev_hash, row_hash
        FROM audit_events
        """;

    public static async Task<IReadOnlyList<ChainReport>> VerifyAsync(HepDbContext db, Guid? clinicId, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Query + (clinicId is null ? "" : " WHERE clinic_id = @clinic") + " ORDER BY clinic_id, chain_seq NULLS FIRST, id";
            if (clinicId is { } id)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "clinic";
                parameter.Value = id;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadAsync(reader, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<ChainReport>> ReadAsync(DbDataReader reader, CancellationToken ct)
    {
        var reports = new List<ChainReport>();
        Guid? clinic = null;
        long rows = 0;
        byte[] previous = Genesis;
        (long Seq, string Problem)? broken = null;
        void Close() { if (clinic is { } c) reports.Add(new ChainReport(c, rows, Convert.ToHexStringLower(previous), broken?.Seq, broken?.Problem)); }

        while (await reader.ReadAsync(ct))
        {
            var rowClinic = reader.GetGuid(0);
            if (rowClinic != clinic)
            {
                Close();
                (clinic, rows, previous, broken) = (rowClinic, 0, Genesis, null);
            }
            rows++;
            long? seq = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            var prevHash = reader.IsDBNull(12) ? null : (byte[])reader[12];
            var rowHash = reader.IsDBNull(13) ? null : (byte[])reader[13];
            if (broken is null)
            {
                var fields = Enumerable.Range(1, 11).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i),
                    System.Globalization.CultureInfo.InvariantCulture)).ToList();
                fields[0] = seq?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                fields.Insert(1, rowClinic.ToString());
                var problem = seq != rows ? (seq is null ? "a row without a chain position" : $"row {rows} is missing (found position {seq})")
                    : prevHash is null || !prevHash.AsSpan().SequenceEqual(previous) ? "its previous-row hash does not match the row before it"
                    : rowHash is null || !rowHash.AsSpan().SequenceEqual(Hash(previous, fields)) ? "its content does not match its hash"
                    : null;
                if (problem is not null) broken = (seq ?? rows, problem);
            }
            previous = rowHash ?? Genesis;
        }
        Close();
        return reports;
    }

    /// <summary>SHA-256 of the previous hash and the row's fields, each as "byte length:text" (null as "-"), joined by "|".</summary>
    private static byte[] Hash(byte[] previous, IEnumerable<string?> fields)
    {
        var payload = string.Join('|', fields.Select(f => f is null ? "-" : Encoding.UTF8.GetByteCount(f) + ":" + f));
        return SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes(payload)]);
    }
}
