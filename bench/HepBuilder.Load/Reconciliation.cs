using Npgsql;

namespace HepBuilder.Load;

/// <summary>
/// Counts in PostgreSQL what the clients were told succeeded, and checks that nothing is half-written. A write whose
/// fate the client could not know (a 503 or a broken connection) may or may not be there; everything else must match
/// exactly. Returns the number of failed checks.
/// </summary>
public static class Reconciliation
{
    private static readonly string[] Audited =
        ["patient.created", "program.created", "program.saved", "program.issued", "program.revised", "handout.downloaded", "patient.viewed", "program.viewed"];

    /// <summary>Invariants of issued versions; each query returns the offending rows' count and must return 0.</summary>
    private static readonly (string Check, string Sql)[] Invariants =
    [
        ("issued versions without number, time, PDF or hash", """
            SELECT count(*) FROM program_versions WHERE clinic_id = @c AND state <> 'Draft'
              AND (number IS NULL OR issued_at IS NULL OR handout_pdf IS NULL OR handout_sha256 IS NULL)
            """),
        ("stored PDFs whose SHA-256 differs from the recorded one", """
            SELECT count(*) FROM program_versions WHERE clinic_id = @c AND handout_pdf IS NOT NULL
              AND encode(sha256(handout_pdf), 'hex') <> handout_sha256
            """),
        ("drafts with a number, PDF or issue time (half-issued)", """
            SELECT count(*) FROM program_versions WHERE clinic_id = @c AND state = 'Draft'
              AND (number IS NOT NULL OR handout_pdf IS NOT NULL OR issued_at IS NOT NULL)
            """),
        ("programs with more than one draft or more than one current issued version", """
            SELECT count(*) FROM (SELECT program_id FROM program_versions WHERE clinic_id = @c
              GROUP BY program_id HAVING count(*) FILTER (WHERE state = 'Draft') > 1 OR count(*) FILTER (WHERE state = 'Issued') > 1) x
            """),
        ("programs whose version numbers are not exactly 1..n, or whose latest is not the current one", """
            SELECT count(*) FROM (SELECT program_id FROM program_versions WHERE clinic_id = @c AND number IS NOT NULL
              GROUP BY program_id HAVING max(number) <> count(*) OR count(DISTINCT number) <> count(*)
                OR max(number) <> max(number) FILTER (WHERE state = 'Issued')) x
            """),
        ("issued versions without exactly one program.issued audit row", """
            SELECT count(*) FROM program_versions v WHERE v.clinic_id = @c AND v.number IS NOT NULL
              AND (SELECT count(*) FROM audit_events a WHERE a.action = 'program.issued' AND a.entity_id = v.program_id::text
                   AND (a.details->>'version')::int = v.number) <> 1
            """),
        ("program.issued audit rows without their version", """
            SELECT count(*) FROM audit_events a WHERE a.clinic_id = @c AND a.action = 'program.issued' AND NOT EXISTS
              (SELECT 1 FROM program_versions v WHERE v.program_id::text = a.entity_id AND v.number = (a.details->>'version')::int)
            """),
        ("programs without a version, or without their program.created audit row", """
            SELECT count(*) FROM programs p WHERE p.clinic_id = @c AND (NOT EXISTS (SELECT 1 FROM program_versions v WHERE v.program_id = p.id)
              OR (SELECT count(*) FROM audit_events a WHERE a.action = 'program.created' AND a.entity_id = p.id::text) <> 1)
            """),
    ];

    public static async Task<int> RunAsync(Options options, Recorder recorder, IReadOnlyList<ProgramState> programs)
    {
        await using var db = new NpgsqlConnection(options.Db);
        await db.OpenAsync();
        var clinic = await ScalarAsync<Guid>(db, "SELECT clinic_id FROM asp_net_users WHERE normalized_email = upper(@e)", ("e", options.AdminEmail));
        var failures = 0;
        void Line(bool ok, string text)
        {
            if (!ok) failures++;
            Console.WriteLine($"  {(ok ? "ok  " : "FAIL")}  {text}");
        }

        Console.WriteLine("Reconciliation (PostgreSQL vs what the clients were told):");
        Console.WriteLine($"  {"",4}  {"audit action",-20} {"confirmed",9} {"in doubt",8} {"in db",7}");
        var counts = new Dictionary<string, long>();
        await using (var cmd = new NpgsqlCommand("SELECT action, count(*) FROM audit_events WHERE clinic_id = @c GROUP BY action", db))
        {
            cmd.Parameters.AddWithValue("c", clinic);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        foreach (var action in Audited)
        {
            var (confirmed, doubt) = recorder.Writes(action);
            var inDb = counts.GetValueOrDefault(action);
            Line(inDb >= confirmed && inDb <= confirmed + doubt, $"{action,-20} {confirmed,9} {doubt,8} {inDb,7}");
        }

        var (created, createdDoubt) = recorder.Writes("program.created");
        var (issued, issuedDoubt) = recorder.Writes("program.issued");
        var programRows = await ScalarAsync<long>(db, "SELECT count(*) FROM programs WHERE clinic_id = @c", ("c", clinic));
        var versionRows = await ScalarAsync<long>(db, "SELECT count(*) FROM program_versions WHERE clinic_id = @c AND number IS NOT NULL", ("c", clinic));
        var handoutRows = await ScalarAsync<long>(db, "SELECT count(*) FROM program_versions WHERE clinic_id = @c AND handout_pdf IS NOT NULL", ("c", clinic));
        Line(programRows >= created && programRows <= created + createdDoubt, $"programs: {programRows} in db, {created} confirmed (+{createdDoubt} in doubt)");
        Line(versionRows >= issued && versionRows <= issued + issuedDoubt, $"issued versions: {versionRows} in db, {issued} confirmed (+{issuedDoubt} in doubt)");
        Line(handoutRows == versionRows, $"handouts stored: {handoutRows}, one per issued version");

        foreach (var (check, sql) in Invariants)
        {
            var bad = await ScalarAsync<long>(db, sql, ("c", clinic));
            Line(bad == 0, $"{check}: {bad}");
        }
        await CheckProgramsAsync(db, programs, Line);
        Console.WriteLine(failures == 0 ? "Reconciliation: all checks passed." : $"Reconciliation: {failures} check(s) FAILED.");
        return failures;
    }

    /// <summary>Each client's own program: every issue it saw confirmed is there, and its last confirmed edit is what the database holds.</summary>
    private static async Task CheckProgramsAsync(NpgsqlConnection db, IReadOnlyList<ProgramState> programs, Action<bool, string> line)
    {
        int missing = 0, extra = 0, lost = 0, known = 0;
        foreach (var p in programs.Where(p => p.ProgramId != Guid.Empty))
        {
            await using var cmd = new NpgsqlCommand("""
                SELECT number, instructions, state FROM program_versions WHERE program_id = @p
                ORDER BY (state = 'Draft') DESC, number DESC
                """, db);
            cmd.Parameters.AddWithValue("p", p.ProgramId);
            var rows = new List<(int? Number, string? Instructions, string State)>();
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add((reader.IsDBNull(0) ? null : reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
                }
            }
            var numbers = rows.Where(r => r.Number is not null).Select(r => r.Number!.Value).ToHashSet();
            missing += p.ConfirmedIssues.Count(n => !numbers.Contains(n));
            extra += Math.Max(0, numbers.Count - p.ConfirmedIssues.Count);
            if (p.Instructions is null) continue;
            known++;
            if (rows.FirstOrDefault().Instructions != p.Instructions) lost++;
        }
        line(missing == 0, $"confirmed issues missing from their program: {missing}");
        line(lost == 0, $"programs whose latest content is not the last confirmed save/issue: {lost} (of {known} with a known last write)");
        Console.WriteLine($"  info  versions beyond the confirmed ones (from in-doubt issues): {extra}");
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
