using HepBuilder.Web.Infrastructure;
using HepBuilder.Web.Infrastructure.Hosting;
using HepBuilder.Web.Infrastructure.Startup;

namespace HepBuilder.Web;

/// <summary>
/// The entry point. A named class rather than top-level statements, so "Program" stays free for the domain's
/// home exercise program; the tests' WebApplicationFactory uses this type to find the app.
/// </summary>
public sealed class WebApp
{
    private WebApp() { }

    public static async Task<int> Main(string[] args)
    {
        // Needs no configuration or database: it makes the file that the configuration then names.
        if (args is [KeyRingCertificate.Command, var path]) return KeyRingCertificate.Create(path);
        try
        {
            return await RunAsync(args);
        }
        catch (StartupRefusedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 3;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
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

        // The handout engine's first render loads fonts and Skia's PDF machinery (~200 ms); doing it once in the
        // background as the app starts keeps that off the first clinician who previews or issues a handout.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(HepBuilder.Handouts.HandoutRenderer.Warm));
        await app.RunAsync();
        return 0;
    }
}
