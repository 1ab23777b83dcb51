using System.Buffers.Binary;
using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HepBuilder.Tests.Security;

public sealed class SessionAndPasswordTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Old_password_hashes_are_upgraded_to_210000_iterations_at_sign_in()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var entity = (await users.FindByIdAsync(user.Id))!;
            var legacy = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
            entity.PasswordHash = legacy.HashPassword(entity, user.Password);
            await users.UpdateAsync(entity);
            Assert.Equal(100_000, Iterations(entity.PasswordHash));
        }

        using var client = App.Client();
        await client.SignInAsync(user.Email, user.Password);

        await using var after = App.Factory.Services.CreateAsyncScope();
        var hash = (await after.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!.PasswordHash!;
        Assert.Equal(210_000, Iterations(hash));
    }

    [Fact]
    public async Task Auth_cookie_is_http_only_and_same_site()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var client = App.Client();
        var token = AppClient.AntiforgeryToken(await client.GetPageAsync("/Identity/Account/Login"));
        var response = await client.PostAsync("/Identity/Account/Login",
            [new("Input.Email", user.Email), new("Input.Password", user.Password), new("__RequestVerificationToken", token)]);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hep.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_this_session_and_changes_the_security_stamp()
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        var stampBefore = await StampAsync(user.Id);
        using var client = App.Client();
        await client.SignInAsync(user.Email, user.Password);

        var response = await client.PostFormAsync("/", [], "/Account/SignOutEverywhere");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual(stampBefore, await StampAsync(user.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_12_hours_even_when_active_and_other_sessions_end_after_a_stamp_change()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var factory = App.Factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var client = new AppClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SignInAsync(user.Email, user.Password);

        // Active every 20 minutes: the idle timeout never ends the session, the absolute one does.
        for (var minutes = 20; minutes <= 11 * 60 + 40; minutes += 20)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId))!.SecurityStamp;
    }

    /// <summary>Identity's V3 hash format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), ...</summary>
    private static int Iterations(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));
}
