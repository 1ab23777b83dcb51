namespace HepBuilder.Web.Infrastructure.Startup;

/// <summary>Administrative verbs run through the app's own services: `add-clinic --name N --admin-email E`.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] != "add-clinic")
        {
            Console.Error.WriteLine($"Unknown command '{args[0]}'. Known: add-clinic --name \"Clinic name\" --admin-email admin@example.org");
            return 64;
        }
        var name = Option(args, "--name");
        var email = Option(args, "--admin-email");
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email))
        {
            Console.Error.WriteLine("Usage: scripts/run add-clinic --name \"Lakeside Spine\" --admin-email admin@lakeside.example");
            return 64;
        }
        if (!await DatabaseStartup.PrepareAsync(app, bootstrapFirstClinic: false)) return 2;

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<ClinicProvisioning>()
                .CreateAsync(name, email, app.Configuration["HEP_ADMIN_PASSWORD"]);
            Console.WriteLine($"Clinic '{result.Clinic.Name}' created with admin {result.Admin.Email}.");
            Console.WriteLine(result.GeneratedPassword is { } p
                ? $"Password: {p}    (shown once: write it down now)"
                : "Password: the one in HEP_ADMIN_PASSWORD");
            return 0;
        }
        catch (ProvisioningException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine(error);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
