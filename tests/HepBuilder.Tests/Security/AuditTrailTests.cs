using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.Tests.Security;

public sealed class AuditTrailTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Audit_rows_cannot_be_updated_or_deleted_by_the_apps_database_role()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        var update = new NpgsqlCommand("UPDATE audit_events SET action = 'tampered' WHERE clinic_id = @c", connection);
        update.Parameters.AddWithValue("c", clinic);
        var delete = new NpgsqlCommand("DELETE FROM audit_events WHERE clinic_id = @c", connection);
        delete.Parameters.AddWithValue("c", clinic);

        var updateError = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        var deleteError = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, updateError.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, deleteError.SqlState);
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "clinic.created"), clinic));
    }

    [Fact]
    public async Task Admin_sees_and_filters_only_their_clinics_audit_trail_and_exports_it()
    {
        var (clinicA, adminA) = await App.Data.ClinicAsync("Audit Clinic A");
        await App.Data.ClinicAsync("Audit Clinic B");
        using var client = App.Client();
        await client.SignInAsync(adminA.Email, adminA.Password);

        var page = await client.GetPageAsync("/Admin/Audit?Filter.Action=clinic.created");
        Assert.Contains("clinic.created", page);
        Assert.Contains("Audit Clinic A", page);
        Assert.DoesNotContain("Audit Clinic B", page);
        // The menu's link has no filter at all: the unfiltered trail, not a binding error about the page number.
        var unfiltered = await client.GetPageAsync("/Admin/Audit");
        Assert.Contains("clinic.created", unfiltered);
        Assert.DoesNotContain("is not valid", unfiltered);

        var csv = await client.GetAsync("/Admin/Audit?handler=Csv&Filter.Action=clinic.created");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("at_utc,user,action", text);
        Assert.Contains("Audit Clinic A", text);
        Assert.DoesNotContain("Audit Clinic B", text);
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "audit.exported"), clinicA));
    }

    [Fact]
    public async Task Clinician_cannot_open_the_audit_trail()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var clinician = await App.Data.UserAsync(clinic, Roles.Clinician);
        using var client = App.Client();
        await client.SignInAsync(clinician.Email, clinician.Password);
        var response = await client.GetAsync("/Admin/Audit");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true);
    }

    [Fact]
    public async Task Reversed_date_range_is_rejected_with_a_message()
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        var html = await client.GetPageAsync("/Admin/Audit?Filter.From=2026-11-20&Filter.To=2026-11-01");
        Assert.Contains("The start date must be on or before the end date.", html);
    }
}
