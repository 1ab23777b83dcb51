using System.Net;
using HepBuilder.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HepBuilder.Tests.Security;

public sealed class RateLimitTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_with_a_clear_page()
    {
        await using var factory = App.Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:AccountPostsPerMinutePerIp", "3"));
        using var client = new AppClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostFormAsync("/Identity/Account/Login", ("Input.Email", "someone@test.example"), ("Input.Password", "guess number " + i));
            statuses.Add(last.StatusCode);
        }
        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Contains("Too many requests", await last.Content.ReadAsStringAsync());
    }
}
