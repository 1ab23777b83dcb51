using System.Net;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Infrastructure.Audit;
using Npgsql;

namespace HepBuilder.Tests.Security.Hardening;

/// <summary>The app's database role cannot rewrite the audit trail, and what a superuser rewrites shows in the hash chain.</summary>
public sealed class AuditChainTests(AppFixture app) : AppTest(app)
{
    [Theory]
    [InlineData("UPDATE audit_events SET action = 'x'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    [InlineData("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")]
    [InlineData("DROP TABLE audit_events")]
    public async Task The_apps_database_role_cannot_change_or_remove_audit_rows(string sql)
    {
        await App.Data.ClinicAsync();
        await using var connection = new NpgsqlConnection(TestDatabaseServer.As(App.ConnectionString, TestDatabaseServer.AppRole));
        await connection.OpenAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync());
        Assert.True(error.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {error.SqlState} {error.MessageText}");
        // It can add and read, which is all the app does.
        Assert.True((long)(await new NpgsqlCommand("SELECT count(*) FROM audit_events", connection).ExecuteScalarAsync())! > 0);
    }

    [Fact]
    public async Task Even_the_owner_role_cannot_truncate_the_audit_trail()
    {
        await App.Data.ClinicAsync();
        await using var connection = new NpgsqlConnection(TestDatabaseServer.As(App.ConnectionString, TestDatabaseServer.OwnerRole));
        await connection.OpenAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("TRUNCATE audit_events CASCADE", connection).ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.MessageText);
    }

    [Fact]
    public async Task Concurrent_writes_keep_one_unbroken_chain_per_clinic_and_the_admin_page_says_so()
    {
        var (clinic, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        // Twenty audited exports at once, each in its own request and transaction.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/Admin/Audit?handler=Csv")));

        var report = Assert.Single(await VerifyAsync(clinic));
        Assert.True(report.Intact, report.Problem);
        Assert.True(report.Rows > 20);
        var page = await client.GetPageAsync("/Admin/Audit/Verify");
        Assert.Contains("The audit trail is intact", page);
        Assert.Contains(report.HeadHash!, page);
    }

    [Fact]
    public async Task An_edited_or_deleted_row_breaks_the_chain_there_and_the_admin_page_and_command_say_so()
    {
        var (clinic, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        for (var i = 0; i < 3; i++) await client.GetAsync("/Admin/Audit?handler=Csv");
        Assert.True(Assert.Single(await VerifyAsync(clinic)).Intact);

        // A superuser, switching the triggers off, edits the third row's action.
        await SuperuserAsync("UPDATE audit_events SET action = 'patient.viewed' WHERE clinic_id = @c AND chain_seq = 3", clinic);
        var edited = Assert.Single(await VerifyAsync(clinic));
        Assert.Equal(3, edited.BrokenAt);
        Assert.Contains("does not match its hash", edited.Problem);
        var page = WebUtility.HtmlDecode(await client.GetPageAsync("/Admin/Audit/Verify"));
        Assert.Contains("The audit trail has been tampered with", page);
        Assert.Contains("at row 3", page);

        var command = await AppProcess.RunAsync(AppProcess.Settings(App.ConnectionString), "verify-audit");
        Assert.Equal(1, command.ExitCode);
        Assert.Contains("BROKEN at row 3", command.Output);
    }

    [Fact]
    public async Task A_deleted_row_is_found_as_a_gap()
    {
        var (clinic, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        for (var i = 0; i < 3; i++) await client.GetAsync("/Admin/Audit?handler=Csv");

        await SuperuserAsync("DELETE FROM audit_events WHERE clinic_id = @c AND chain_seq = 2", clinic);
        var report = Assert.Single(await VerifyAsync(clinic));
        Assert.Equal(3, report.BrokenAt);
        Assert.Contains("row 2 is missing", report.Problem);
    }

    private Task<IReadOnlyList<ChainReport>> VerifyAsync(Guid clinic) => App.WithDbAsync(db => AuditChain.VerifyAsync(db, clinic, default), clinic);

    private async Task SuperuserAsync(string sql, Guid clinic)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("SET session_replication_role = replica", connection).ExecuteNonQueryAsync();
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("c", clinic);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
