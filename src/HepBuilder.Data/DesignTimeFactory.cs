using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace HepBuilder.Data;

/// <summary>Lets `dotnet ef` build the model without starting the web app or reaching a database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HepDbContext>
{
    public HepDbContext CreateDbContext(string[] args)
    {
        // Identity shapes its tables from IdentityOptions.Stores; give the tools the same options as the app.
        var services = new ServiceCollection();
        services.AddIdentityCore<ApplicationUser>(o => o.Stores.SchemaVersion = HepDbOptions.IdentitySchema);
        var options = new DbContextOptionsBuilder<HepDbContext>()
            .UseApplicationServiceProvider(services.BuildServiceProvider());
        HepDbOptions.Configure(options, "Host=localhost;Database=hepbuilder_design");
        return new HepDbContext(options.Options);
    }
}
