using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Admin;
using HepBuilder.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Pages.Account;

public sealed class AcceptInviteTests(AppFixture app) : AppTest(app)
{
    private const string NewPassword = "maple river lantern 42";

    [Fact]
    public async Task Invited_clinician_follows_the_link_sets_a_password_and_is_signed_in()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync("Harbour Spine");
        using var adminClient = App.Client();
        await adminClient.SignInAsync(admin.Email, admin.Password);

        var invited = await adminClient.PostFormAsync("/Admin/Users/Invite",
            ("Input.FullName", "Priya Patel"), ("Input.Email", "priya@harbour.example"), ("Input.Credentials", "DPT"),
            ("Input.IsClinician", "true"));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var userPage = invited.Headers.Location!.OriginalString;
        var page = await adminClient.GetPageAsync(userPage);
        var link = AdminHtml.OnceLink(page);
        Assert.NotNull(link);
        // No SMTP in tests: the admin is told plainly that they must pass the link on.
        Assert.Contains("No mail server is set up for HepBuilder, so no email was sent.", page);
        // Shown once: the next view of the same page no longer carries it.
        Assert.Null(AdminHtml.OnceLink(await adminClient.GetPageAsync(userPage)));

        var user = await FindAsync("priya@harbour.example");
        Assert.Equal(clinicId, user.ClinicId);
        Assert.Equal("DPT", user.Credentials);
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.Equal([Roles.Clinician], await RolesAsync(user));

        using var invitee = App.Client();
        var form = await invitee.GetPageAsync(link);
        Assert.Contains("Priya Patel", form);
        var accepted = await invitee.PostFormAsync(link, [new("Input.Password", NewPassword), new("Input.ConfirmPassword", NewPassword),
            new("Input.UserId", user.Id), new("Input.Code", Code(link))]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);
        Assert.Contains("Welcome, Priya Patel, DPT", await invitee.GetPageAsync("/"));

        using var later = App.Client();
        await later.SignInAsync("priya@harbour.example", NewPassword);
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "user.password_set" && a.EntityId == user.Id), clinicId));
    }

    [Fact]
    public async Task A_used_link_is_refused_and_changes_nothing()
    {
        var (link, user) = await InviteAsync();
        using var first = App.Client();
        var accepted = await first.PostFormAsync(link, Fields(user, link, NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        using var second = App.Client();
        var again = await second.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This link does not work", await again.Content.ReadAsStringAsync());

        var replay = await second.PostFormAsync("/Identity/Account/Login", Fields(user, link, "another password 1234", "another password 1234"), link);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("This link does not work", await replay.Content.ReadAsStringAsync());
        Assert.True(await CheckPasswordAsync(user.Email!, NewPassword));
    }

    [Theory]
    [InlineData("code=not-a-token")]
    [InlineData("code=")]
    [InlineData("")]
    public async Task A_tampered_link_gets_a_clear_message_and_400(string query)
    {
        var (_, user) = await InviteAsync();
        using var client = App.Client();
        var response = await client.GetAsync($"/Account/AcceptInvite?userId={user.Id}&{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ask your clinic administrator", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_link_for_another_user_id_is_refused()
    {
        var (link, _) = await InviteAsync();
        var other = await App.Data.UserAsync((await App.Data.ClinicAsync("Other Clinic")).ClinicId);
        using var client = App.Client();
        var response = await client.GetAsync(link.Replace(link.Split("userId=")[1].Split('&')[0], other.Id));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_short_password_is_explained_next_to_the_field_and_the_link_still_works()
    {
        var (link, user) = await InviteAsync();
        using var client = App.Client();
        var response = await client.PostFormAsync(link, Fields(user, link, "too short", "too short"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least 12 characters", html);
        Assert.Contains("data-valmsg-for=\"Input.Password\"", html);
        Assert.Null((await FindAsync(user.Email!)).PasswordHash);

        var retry = await client.PostFormAsync(link, Fields(user, link, NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
    }

    [Fact]
    public async Task A_mismatched_confirmation_is_refused()
    {
        var (link, user) = await InviteAsync();
        using var client = App.Client();
        var response = await client.PostFormAsync(link, Fields(user, link, NewPassword, NewPassword + "x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The two passwords are not the same.", await response.Content.ReadAsStringAsync());
        Assert.Null((await FindAsync(user.Email!)).PasswordHash);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_use_their_link()
    {
        var (link, user) = await InviteAsync();
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var entity = (await users.FindByIdAsync(user.Id))!;
            entity.IsActive = false;
            await users.UpdateAsync(entity);
        }
        using var client = App.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(link)).StatusCode);
    }

    private async Task<(string Link, ApplicationUser User)> InviteAsync()
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        var invited = await client.PostFormAsync("/Admin/Users/Invite",
            ("Input.FullName", "Sam Lee"), ("Input.Email", "sam.lee@test.example"), ("Input.IsClinician", "true"));
        var link = AdminHtml.OnceLink(await client.GetPageAsync(invited.Headers.Location!.OriginalString))!;
        return (link, await FindAsync("sam.lee@test.example"));
    }

    private static KeyValuePair<string, string>[] Fields(ApplicationUser user, string link, string password, string confirm) =>
    [
        new("Input.UserId", user.Id), new("Input.Code", Code(link)), new("Input.Password", password), new("Input.ConfirmPassword", confirm),
    ];

    private static string Code(string link) => Uri.UnescapeDataString(link.Split("code=")[1].Split('&')[0]);

    private async Task<ApplicationUser> FindAsync(string email)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private async Task<IList<string>> RolesAsync(ApplicationUser user)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().GetRolesAsync(user);
    }

    private async Task<bool> CheckPasswordAsync(string email, string password)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }
}
