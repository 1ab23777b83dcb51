using System.Net;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.PatientView;
using HepBuilder.Tests.Pages.Programs;
using HepBuilder.Tests.Security.Matrix;
using Npgsql;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>
/// The matrix's clinic A (one record of every kind), plus what hostile input needs on top: clinic A's own exercise
/// in the program's draft (so library text reaches the handout), the patient link's token, and signed-in clients.
/// </summary>
public sealed class HostileWorld : IDisposable
{
    public required AppFixture App { get; init; }
    public required MatrixWorld Matrix { get; init; }
    public required string Token { get; init; }
    public required AppClient Admin { get; init; }
    public required AppClient Anonymous { get; init; }

    public static async Task<HostileWorld> CreateAsync(AppFixture app, string suffix)
    {
        var matrix = await MatrixWorld.CreateAsync(app, suffix);
        var admin = app.Client();
        await admin.SignInAsync(matrix.AdminA.Email, matrix.AdminA.Password);
        var builder = await admin.GetPageAsync(ProgramKit.EditUrl(matrix.ProgramA));
        var (added, html) = await ProgramKit.PostAsync(admin, matrix.ProgramA, builder, "Add", $"&exerciseId={matrix.ExerciseA}");
        if (added.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Adding the clinic's exercise: {(int)added.StatusCode}");
        await ProgramKit.SaveAsync(admin, matrix.ProgramA, html);
        return new HostileWorld
        {
            App = app, Matrix = matrix, Token = await new PatientViewKit(app).TokenAsync(matrix.ProgramA), Admin = admin, Anonymous = app.Client(),
        };
    }

    public Guid ClinicId => Matrix.AdminA.ClinicId;

    /// <summary>The concrete URL of a GET page handler for this world (the patient page gets the real token).</summary>
    public string Url(EndpointHandler h) => h.Route == "p/{token}" ? "/p/" + Token : Matrix.Url(h);

    public string PreviewPdf => $"/Programs/{Matrix.ProgramA}/draft/preview.pdf";

    /// <summary>
    /// The pages that show what a form stores, chosen by where the form posts; the page the post redirects to is
    /// added by the caller. The handout preview is named separately (<see cref="ReachesHandout"/>).
    /// </summary>
    public IReadOnlyList<string> Views(string action)
    {
        var m = Matrix;
        string patient = $"/Patients/{m.PatientA}", program = $"/Programs/{m.ProgramA}", builder = ProgramKit.EditUrl(m.ProgramA), phone = "/p/" + Token;
        return Path(action) switch
        {
            "/Patients/New" => ["/Patients", "/"],
            var p when p == $"{patient}/Edit" => [patient, "/Patients", "/", builder, program, phone],
            "/Programs/New" => [patient, "/Programs"],
            var p when p == builder => [builder, program, patient, phone],
            var p when p.StartsWith("/Library/Edit", StringComparison.Ordinal) => [$"/Library/Details/{m.ExerciseA}", "/Library", builder],
            "/Admin/Clinic" => ["/Admin/Clinic", "/", phone, program],
            "/Admin/Users/Invite" => ["/Admin/Users"],
            var p when p.StartsWith("/Admin/Users/Edit/", StringComparison.Ordinal) => [p, "/Admin/Users", program],
            "/Templates/New" => ["/Templates"],
            var p when p.StartsWith("/Templates/", StringComparison.Ordinal) => [$"/Templates/{m.TemplateA}", "/Templates"],
            var p when p == phone => [phone, patient, program],
            var p => [p],
        };
    }

    /// <summary>Forms whose fields can be printed on the draft's handout (which ones are, a probe value finds out).</summary>
    public bool ReachesHandout(string action)
    {
        var p = Path(action);
        return p == $"/Patients/{Matrix.PatientA}/Edit" || p == ProgramKit.EditUrl(Matrix.ProgramA)
            || p.StartsWith("/Library/Edit", StringComparison.Ordinal) || p == "/Admin/Clinic" || p.StartsWith("/Admin/Users/Edit/", StringComparison.Ordinal);
    }

    public static string Path(string url) => url.Split('?')[0];

    /// <summary>
    /// A digest of everything clinic A has stored (every table with a clinic column, and the clinic row), so a refused
    /// post can be shown to have changed nothing. The audit trail is left out: recording a refusal is allowed.
    /// </summary>
    public async Task<string> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        if (_fingerprintSql is null)
        {
            await using var tables = new NpgsqlCommand(
                "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'clinic_id' " +
                "and table_name not in ('audit_events') order by table_name", connection);
            var names = new List<string>();
            await using (var reader = await tables.ExecuteReaderAsync()) while (await reader.ReadAsync()) names.Add(reader.GetString(0));
            var parts = names.Select(t => $"coalesce((select md5(string_agg(x::text, '|' order by x::text)) from {t} x where clinic_id = @c), '')")
                .Append("coalesce((select md5(x::text) from clinics x where id = @c), '')")
                .Concat(ChildTables);
            _fingerprintSql = "select md5(" + string.Join(" || ", parts) + ")";
        }
        await using var command = new NpgsqlCommand(_fingerprintSql, connection);
        command.Parameters.AddWithValue("c", ClinicId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    // Rows with no clinic column of their own, reached through their parent.
    private static readonly string[] ChildTables =
    [
        "coalesce((select md5(string_agg(x::text, '|' order by x::text)) from patient_precautions x join patients p on p.id = x.patient_id where p.clinic_id = @c), '')",
        "coalesce((select md5(string_agg(x::text, '|' order by x::text)) from template_items x join templates t on t.id = x.template_id where t.clinic_id = @c), '')",
        "coalesce((select md5(string_agg(x::text, '|' order by x::text)) from asp_net_user_roles x join asp_net_users u on u.id = x.user_id where u.clinic_id = @c), '')",
    ];

    private string? _fingerprintSql;

    public void Dispose()
    {
        Admin.Dispose();
        Anonymous.Dispose();
    }
}
