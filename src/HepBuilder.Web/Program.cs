using HepBuilder.Web.Infrastructure;
using HepBuilder.Web.Infrastructure.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddHepBuilder();

var app = builder.Build();
app.UseHepBuilder();

// Verbs such as `add-clinic` share the app's services and database, do their work and exit.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

if (!await DatabaseStartup.PrepareAsync(app))
{
    return 2;
}

await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
