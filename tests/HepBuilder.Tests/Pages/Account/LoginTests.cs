using System.Net;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Web.Areas.Identity.Pages.Account;

namespace HepBuilder.Tests.Pages.Account;

public sealed class LoginTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Anonymous_request_is_redirected_to_sign_in()
    {
        using var client = App.Client();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Correct_password_signs_in_and_shows_the_clinic()
    {
        var (_, admin) = await App.Data.ClinicAsync("Harbour Spine");
        using var client = App.Client();
        await client.SignInAsync(admin.Email, admin.Password);
        var home = await client.GetPageAsync("/");
        Assert.Contains("Harbour Spine", home);
        Assert.Contains("Ada Admin", home);
    }

    [Fact]
    public async Task Wrong_password_gets_a_generic_message_and_400()
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        var wrongPassword = await client.PostFormAsync("/Identity/Account/Login", ("Input.Email", admin.Email), ("Input.Password", "not the password at all"));
        var unknownUser = await client.PostFormAsync("/Identity/Account/Login", ("Input.Email", "nobody@test.example"), ("Input.Password", "whatever whatever"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        // The same words either way: no hint which part was wrong.
        Assert.Contains(LoginModel.InvalidMessage, await wrongPassword.Content.ReadAsStringAsync());
        Assert.Contains(LoginModel.InvalidMessage, await unknownUser.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_say_when_to_retry()
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Identity/Account/Login", ("Input.Email", admin.Email), ("Input.Password", "wrong password " + i));
        }
        var withRightPassword = await client.PostFormAsync("/Identity/Account/Login", ("Input.Email", admin.Email), ("Input.Password", admin.Password));
        var html = await withRightPassword.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode)423, withRightPassword.StatusCode);
        Assert.Contains("locked", html);
        Assert.Contains("Try again in 15 minutes", html);
    }

    [Fact]
    public async Task Login_without_antiforgery_token_is_rejected()
    {
        var (_, admin) = await App.Data.ClinicAsync();
        using var client = App.Client();
        var response = await client.PostAsync("/Identity/Account/Login",
            [new("Input.Email", admin.Email), new("Input.Password", admin.Password)]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Self_registration_does_not_exist()
    {
        using var client = App.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Identity/Account/Register")).StatusCode);
    }
}
