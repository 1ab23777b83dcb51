using System.Net;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.Library;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Health;
using HepBuilder.Web.Pages.Admin.Users;
using HepBuilder.Web.Pages.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace HepBuilder.Tests.Security.Hardening;

public sealed class SmallDefectTests(AppFixture app) : AppTest(app)
{
    [Theory]
    [InlineData("/Library?p=2147483647")]
    [InlineData("/Library?q=bridge&p=2147483647")]
    [InlineData("/Patients?p=2147483647")]
    [InlineData("/Patients?q=okafor&p=2147483647")]
    [InlineData("/Programs?p=2147483647")]
    public async Task A_huge_page_number_is_an_empty_page_not_a_500(string url)
    {
        var (clinic, _) = await App.Data.ClinicAsync();
        var user = await App.Data.UserAsync(clinic);
        using var client = App.Client();
        await client.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Two_admins_cannot_remove_each_others_admin_role_and_leave_the_clinic_without_one()
    {
        var (clinic, first) = await App.Data.ClinicAsync();
        var second = await App.Data.UserAsync(clinic, Roles.Admin, "Bo Second");
        using var a = App.Client();
        using var b = App.Client();
        await a.SignInAsync(first.Email, first.Password);
        await b.SignInAsync(second.Email, second.Password);

        // Both press "save" at once, each demoting the other to clinician.
        var results = await Task.WhenAll(DemoteAsync(a, second.Id), DemoteAsync(b, first.Id));

        Assert.True(results.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 1,
            string.Join("\n", await Task.WhenAll(results.Select(async r => $"{(int)r.StatusCode} {System.Text.RegularExpressions.Regex.Match(await r.Content.ReadAsStringAsync(), "validation-summary[^>]*>(.{0,400})", System.Text.RegularExpressions.RegexOptions.Singleline).Value}"))));
        Assert.Contains(results, r => r.StatusCode == HttpStatusCode.BadRequest);
        Assert.Equal(1, await AdminCountAsync(clinic));
        // And the one left cannot be deactivated by the demoted one's stale session either.
        var survivor = results[0].StatusCode == HttpStatusCode.Redirect ? first : second;
        var demoted = survivor == first ? b : a;
        var page = $"/Admin/Users/Edit/{survivor.Id}";
        var refused = await demoted.PostFormAsync(page, [], page + "?handler=Deactivate");
        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        Assert.Equal(1, await AdminCountAsync(clinic));
    }

    [Fact]
    public async Task The_health_check_asks_the_database_at_most_once_every_few_seconds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new HealthCache(clock);
        var probes = 0;
        Task<HealthCheckResult> Probe() { probes++; return Task.FromResult(HealthCheckResult.Healthy()); }

        for (var i = 0; i < 50; i++) await cache.GetAsync(Probe);
        Assert.Equal(1, probes);
        clock.Advance(HealthCache.MaxAge);
        await cache.GetAsync(Probe);
        Assert.Equal(2, probes);
    }

    [Fact]
    public void A_large_photo_is_decoded_once_at_a_reduced_size()
    {
        var jpeg = LibraryKit.Image(4000, 3000, SKEncodedImageFormat.Jpeg);
        using var codec = SKCodec.Create(SKData.CreateCopy(jpeg));
        var size = PhotoProcessor.DecodeSize(codec);
        Assert.True(size.Width < 4000 && Math.Max(size.Width, size.Height) >= PhotoProcessor.MaxSide, $"decoded at {size}");
        Assert.Equal(2000, size.Width);
    }

    private static async Task<HttpResponseMessage> DemoteAsync(AppClient client, string userId)
    {
        var page = $"/Admin/Users/Edit/{userId}";
        var html = await client.GetPageAsync(page);
        return await client.PostAsync(page, [
            new("Input.FullName", "Demoted Person"), new("Input.IsClinician", "true"), new("Input.IsAdmin", "false"),
            new("Input.ConcurrencyStamp", Pages.Admin.AdminHtml.FieldValue(html, "Input.ConcurrencyStamp")),
            new("__RequestVerificationToken", AppClient.AntiforgeryToken(html)),
        ]);
    }

    private async Task<int> AdminCountAsync(Guid clinic)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var admins = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(u => u.ClinicId == clinic && u.IsActive);
    }
}
