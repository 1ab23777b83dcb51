using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HepBuilder.Tests.Infrastructure;

public sealed class HepWebFactory(string connectionString) : WebApplicationFactory<HepBuilder.Web.WebApp>
{
    public const string AdminPassword = "first-admin-password-for-tests";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("HEP_DB", connectionString);
        builder.UseSetting("HEP_ADMIN_EMAIL", "first.admin@test.example");
        builder.UseSetting("HEP_ADMIN_PASSWORD", AdminPassword);
    }
}
