using System.Globalization;

namespace HepBuilder.Load;

/// <summary>Command-line options; every one has a default so `scripts/load` can pass only what changes.</summary>
public sealed record Options
{
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:5095");
    public string Db { get; init; } = "";
    public string AdminEmail { get; init; } = "load.admin@load.test";
    public string AdminPassword { get; init; } = "";
    public int Clinicians { get; init; } = 64;
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>"mixed" (the everyday workload) or "issue" (mostly issuing, to have issues in flight for a kill).</summary>
    public string Mix { get; init; } = "mixed";
    public Fault? Fault { get; init; }

    /// <summary>
    /// The password of the users scripts/generate-dataset made: the clinicians sign in as those users instead of being
    /// invited, each builds a program of <see cref="Items"/> exercises, and the reconciliation (which counts a
    /// whole clinic's audit rows) is skipped, since the dataset's clinics already hold millions of rows.
    /// </summary>
    public string? DatasetPassword { get; init; }

    /// <summary>Exercises in each clinician's program.</summary>
    public int Items { get; init; } = 3;

    public static Options Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        double Seconds(string name, double fallback) => Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var fault = Get("--fault") is { } kind
            ? new Fault(kind, TimeSpan.FromSeconds(Seconds("--fault-at", 60)), TimeSpan.FromSeconds(Seconds("--fault-down", 10)),
                Get("--fault-stop") ?? throw new ArgumentException("--fault needs --fault-stop COMMAND"),
                Get("--fault-start") ?? throw new ArgumentException("--fault needs --fault-start COMMAND"))
            : null;
        return new Options
        {
            BaseUrl = new Uri(Get("--url") ?? "http://127.0.0.1:5095"),
            Db = Get("--db") ?? Environment.GetEnvironmentVariable("HEP_DB") ?? throw new ArgumentException("--db or HEP_DB is required"),
            AdminEmail = Get("--admin-email") ?? "load.admin@load.test",
            DatasetPassword = Get("--dataset-password"),
            Items = int.Parse(Get("--items") ?? "3", CultureInfo.InvariantCulture),
            AdminPassword = Get("--admin-password") ?? Environment.GetEnvironmentVariable("HEP_ADMIN_PASSWORD")
                ?? (Get("--dataset-password") is null ? throw new ArgumentException("--admin-password or HEP_ADMIN_PASSWORD is required") : ""),
            Clinicians = int.Parse(Get("--clinicians") ?? "64", CultureInfo.InvariantCulture),
            Duration = TimeSpan.FromSeconds(Seconds("--duration", 300)),
            Mix = Get("--mix") ?? "mixed",
            Fault = fault,
        };
    }
}

/// <summary>
/// A fault injected during the run: <see cref="StopCommand"/> at <see cref="At"/>, <see cref="StartCommand"/>
/// <see cref="Down"/> later (both run with bash -c). Kind "db" or "app" only names it in the report.
/// </summary>
public sealed record Fault(string Kind, TimeSpan At, TimeSpan Down, string StopCommand, string StartCommand);
