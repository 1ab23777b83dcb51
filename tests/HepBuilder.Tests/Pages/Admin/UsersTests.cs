using System.Net;
using System.Text.Json.Nodes;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Tests.Pages.Admin;

public sealed class UsersTests(AppFixture app) : AppTest(app)
{
    [Theory]
    [InlineData("Priya Patel", "not-an-email", "Enter a valid email address")]
    [InlineData("", "new.person@test.example", "Enter the person&#x27;s full name.")]
    [InlineData("   ", "new.person@test.example", "Enter the person&#x27;s full name.")]
    [InlineData(null, "new.person@test.example", "The name can be at most 120 characters.")]
    [InlineData("Priya Patel", "", "Enter an email address.")]
    public async Task Invite_with_bad_input_is_400_with_the_message_and_saves_nothing(string? name, string email, string message)
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = await SignedInAsync(admin);
        var before = await UserCountAsync();

        var response = await client.PostFormAsync("/Admin/Users/Invite",
            ("Input.FullName", name ?? new string('a', 121)), ("Input.Email", email), ("Input.IsClinician", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Invite_with_an_email_used_in_another_clinic_is_refused_without_saying_an_account_exists()
    {
        var (clinicA, _) = await App.Data.ClinicAsync("Clinic A");
        var taken = await App.Data.UserAsync(clinicA);
        var (_, adminB) = await App.Data.ClinicAsync("Clinic B");
        using var client = await SignedInAsync(adminB);
        var before = await UserCountAsync();

        var response = await client.PostFormAsync("/Admin/Users/Invite",
            ("Input.FullName", "Someone Else"), ("Input.Email", taken.Email.ToUpperInvariant()), ("Input.IsClinician", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(HepBuilder.Web.Pages.Admin.Users.InviteModel.NotAvailableMessage, html);
        Assert.DoesNotContain("already has an account", html);
        Assert.DoesNotContain("Clinic A", html);
        Assert.Equal(before, await UserCountAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().CountAsync(a => a.Action == "user.invited")));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().CountAsync(a => a.Action == "user.invite_refused")));
    }

    [Fact]
    public async Task Invite_without_a_role_is_refused()
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = await SignedInAsync(admin);
        var before = await UserCountAsync();
        var response = await client.PostFormAsync("/Admin/Users/Invite",
            ("Input.FullName", "No Role"), ("Input.Email", "no.role@test.example"), ("Input.IsClinician", "false"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose at least one role.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task The_list_shows_only_the_admins_clinic()
    {
        var (clinicA, _) = await App.Data.ClinicAsync("Clinic A");
        var userA = await App.Data.UserAsync(clinicA, fullName: "Alex From A");
        var (clinicB, adminB) = await App.Data.ClinicAsync("Clinic B");
        var userB = await App.Data.UserAsync(clinicB, fullName: "Blair From B");
        using var client = await SignedInAsync(adminB);

        var html = await client.GetPageAsync("/Admin/Users");

        Assert.Contains(userB.Email, html);
        Assert.Contains("Blair From B", html);
        Assert.DoesNotContain(userA.Email, html);
        Assert.DoesNotContain("Alex From A", html);
        Assert.DoesNotContain("first.admin@test.example", html);
    }

    [Fact]
    public async Task Another_clinics_user_is_404_on_every_handler()
    {
        var (clinicA, _) = await App.Data.ClinicAsync("Clinic A");
        var userA = await App.Data.UserAsync(clinicA);
        var (clinicB, adminB) = await App.Data.ClinicAsync("Clinic B");
        var userB = await App.Data.UserAsync(clinicB);
        using var client = await SignedInAsync(adminB);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Admin/Users/Edit/{userA.Id}")).StatusCode);
        foreach (var handler in new[] { "", "?handler=Deactivate", "?handler=Reactivate", "?handler=ResetTwoFactor", "?handler=SendPasswordLink" })
        {
            var response = await client.PostFormAsync($"/Admin/Users/Edit/{userB.Id}",
                [new("Input.FullName", "Taken Over"), new("Input.IsAdmin", "true")], $"/Admin/Users/Edit/{userA.Id}{handler}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler}: {(int)response.StatusCode}");
        }
        var untouched = await FindAsync(userA.Id);
        Assert.True(untouched.IsActive);
        Assert.Equal("Casey Clinician", untouched.FullName);
    }

    [Fact]
    public async Task Deactivated_user_cannot_sign_in_and_reactivated_user_can()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinicId);
        var stamp = (await FindAsync(user.Id)).SecurityStamp;
        using var client = await SignedInAsync(admin);
        var page = $"/Admin/Users/Edit/{user.Id}";

        var deactivated = await client.PostFormAsync(page, [], page + "?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var entity = await FindAsync(user.Id);
        Assert.False(entity.IsActive);
        Assert.NotEqual(stamp, entity.SecurityStamp);
        Assert.Contains("Deactivated", await client.GetPageAsync(page));

        using (var blocked = App.Client())
        {
            var attempt = await blocked.PostFormAsync("/Identity/Account/Login", ("Input.Email", user.Email), ("Input.Password", user.Password));
            Assert.Equal(HttpStatusCode.BadRequest, attempt.StatusCode);
            // Answered like a wrong password: the message does not tell a deactivated account from a mistyped one.
            Assert.Contains(HepBuilder.Web.Areas.Identity.Pages.Account.LoginModel.InvalidMessage,
                System.Net.WebUtility.HtmlDecode(await attempt.Content.ReadAsStringAsync()));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, [], page + "?handler=Reactivate")).StatusCode);
        using var allowed = App.Client();
        await allowed.SignInAsync(user.Email, user.Password);

        var actions = await AuditActionsAsync(clinicId, user.Id);
        Assert.Contains("user.deactivated", actions);
        Assert.Contains("user.reactivated", actions);
        var details = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "user.deactivated").Select(a => a.Details).SingleAsync(), clinicId);
        var change = JsonNode.Parse(details!)!["IsActive"]!;
        Assert.True((bool)change["old"]!);
        Assert.False((bool)change["new"]!);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves_or_drop_their_own_admin_role()
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = await SignedInAsync(admin);
        var page = $"/Admin/Users/Edit/{admin.Id}";

        var deactivate = await client.PostFormAsync(page, [], page + "?handler=Deactivate");
        Assert.Equal(HttpStatusCode.BadRequest, deactivate.StatusCode);
        Assert.Contains(EditModel.SelfDeactivateMessage, await deactivate.Content.ReadAsStringAsync());

        var demote = await client.PostFormAsync(page, ("Input.FullName", "Ada Admin"), ("Input.IsClinician", "true"), ("Input.IsAdmin", "false"));
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains(EditModel.SelfAdminMessage, await demote.Content.ReadAsStringAsync());

        var self = await FindAsync(admin.Id);
        Assert.True(self.IsActive);
        Assert.Contains(Roles.Admin, await RolesAsync(self));
    }

    [Fact]
    public async Task Changing_roles_and_name_is_saved_and_audited_old_to_new()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinicId, fullName: "Casey Clinician", credentials: "PT");
        using var client = await SignedInAsync(admin);
        var page = $"/Admin/Users/Edit/{user.Id}";

        var response = await client.PostFormAsync(page, ("Input.FullName", "Casey Morgan"), ("Input.Credentials", "DPT"),
            ("Input.IsClinician", "true"), ("Input.IsAdmin", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entity = await FindAsync(user.Id);
        Assert.Equal("Casey Morgan", entity.FullName);
        Assert.Equal("DPT", entity.Credentials);
        Assert.Equal([Roles.Admin, Roles.Clinician], (await RolesAsync(entity)).Order());
        var details = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "user.updated").Select(a => a.Details).SingleAsync(), clinicId);
        var changes = JsonNode.Parse(details!)!;
        Assert.Equal("Casey Clinician", (string?)changes["FullName"]!["old"]);
        Assert.Equal("Casey Morgan", (string?)changes["FullName"]!["new"]);
        Assert.Equal("PT", (string?)changes["Credentials"]!["old"]);
        Assert.Equal("[\"Clinician\"]", changes["Roles"]!["old"]!.ToJsonString());
        Assert.Equal("[\"Admin\",\"Clinician\"]", changes["Roles"]!["new"]!.ToJsonString());

        var history = WebUtility.HtmlDecode(await client.GetPageAsync(page));
        Assert.Contains("Name or roles changed", history);
        Assert.Contains("Roles: Clinician → Admin, Clinician", history);

        // The promoted user now reaches the admin pages.
        using var promoted = await SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_refused()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinicId);
        var staleStamp = (await FindAsync(user.Id)).ConcurrencyStamp!;
        using var client = await SignedInAsync(admin);
        var page = $"/Admin/Users/Edit/{user.Id}";
        await client.PostFormAsync(page, ("Input.FullName", "First Edit"), ("Input.IsClinician", "true"));

        var stale = await client.PostFormAsync(page, ("Input.FullName", "Second Edit"), ("Input.IsClinician", "true"),
            ("Input.ConcurrencyStamp", staleStamp));

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Someone changed this account while you were editing.", await stale.Content.ReadAsStringAsync());
        Assert.Equal("First Edit", (await FindAsync(user.Id)).FullName);
    }

    [Fact]
    public async Task Resetting_two_factor_turns_it_off_and_replaces_the_key()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinicId);
        string? oldKey;
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var entity = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(entity);
            await users.SetTwoFactorEnabledAsync(entity, true);
            oldKey = await users.GetAuthenticatorKeyAsync(entity);
        }
        using var client = await SignedInAsync(admin);
        var page = $"/Admin/Users/Edit/{user.Id}";
        Assert.Contains("Reset two-factor sign-in", await client.GetPageAsync(page));

        var response = await client.PostFormAsync(page, [], page + "?handler=ResetTwoFactor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var entity = (await users.FindByIdAsync(user.Id))!;
            Assert.False(entity.TwoFactorEnabled);
            Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(entity));
        }
        Assert.Contains("user.two_factor_reset", await AuditActionsAsync(clinicId, user.Id));
        // Without two-factor the user signs in with the password alone.
        using var signIn = App.Client();
        await signIn.SignInAsync(user.Email, user.Password);
    }

    [Fact]
    public async Task A_password_link_is_shown_once_and_sets_a_new_password()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinicId);
        using var client = await SignedInAsync(admin);
        var page = $"/Admin/Users/Edit/{user.Id}";

        var response = await client.PostFormAsync(page, [], page + "?handler=SendPasswordLink");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = AdminHtml.OnceLink(await client.GetPageAsync(page));
        Assert.NotNull(link);
        Assert.Null(AdminHtml.OnceLink(await client.GetPageAsync(page)));

        using var owner = App.Client();
        var code = Uri.UnescapeDataString(link.Split("code=")[1].Split('&')[0]);
        var set = await owner.PostFormAsync(link, ("Input.UserId", user.Id), ("Input.Code", code),
            ("Input.Password", "a brand new passphrase"), ("Input.ConfirmPassword", "a brand new passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using var again = App.Client();
        await again.SignInAsync(user.Email, "a brand new passphrase");
        Assert.Contains("user.password_link_sent", await AuditActionsAsync(clinicId, user.Id));
    }

    [Fact]
    public async Task The_list_shows_roles_status_and_two_factor()
    {
        var (clinicId, admin) = await App.Data.ClinicAsync();
        using var client = await SignedInAsync(admin);
        await client.PostFormAsync("/Admin/Users/Invite", ("Input.FullName", "Ivy Invited"), ("Input.Email", "ivy@test.example"),
            ("Input.Credentials", "MD"), ("Input.IsClinician", "true"));

        var html = await client.GetPageAsync("/Admin/Users");

        Assert.Contains("Ivy Invited", html);
        Assert.Contains(", MD", html);
        Assert.Contains("Invited", html);
        Assert.Contains("Admin, Clinician", html);
        Assert.Contains("<td>Off</td>", html);
    }

    private async Task<AppClient> SignedInAsync(TestUser user)
    {
        var client = App.Client();
        await client.SignInAsync(user.Email, user.Password);
        return client;
    }

    private Task<int> UserCountAsync() => App.WithDbAsync(db => db.Users.CountAsync());

    private Task<List<string>> AuditActionsAsync(Guid clinicId, string userId) =>
        App.WithDbAsync(db => db.AuditEvents.Where(a => a.EntityId == userId).Select(a => a.Action).ToListAsync(), clinicId);

    private async Task<ApplicationUser> FindAsync(string id)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!;
    }

    private async Task<IList<string>> RolesAsync(ApplicationUser user)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().GetRolesAsync(user);
    }
}
