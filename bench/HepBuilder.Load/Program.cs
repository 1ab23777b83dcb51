using System.Diagnostics;
using System.Globalization;
using HepBuilder.Load;

// Usage (normally through scripts/load, which starts the app and passes these):
//   HepBuilder.Load --url http://127.0.0.1:5095 --db "<connection string>" --admin-email E --admin-password P
//                   [--clinicians 64] [--duration 300] [--mix mixed|issue]
//                   [--dataset-password P --items 10]   (sign in as scripts/generate-dataset's users instead of inviting)
//                   [--fault db|app --fault-at 60 --fault-down 10 --fault-stop "cmd" --fault-start "cmd"]
// Exit code: 0 when the run had no unexpected error and the reconciliation passed.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
var recorder = new Recorder();

Console.WriteLine($"Setting up {options.Clinicians} clinicians at {options.BaseUrl} (invite, accept, sign in, patient, program)…");
var clinicians = await Setup.CliniciansAsync(options, recorder);
Console.WriteLine($"Setup done in {recorder.Now:F1} s. Running the '{options.Mix}' workload for {options.Duration.TotalSeconds:F0} s" +
    (options.Fault is { } f ? $", {f.Kind} fault at {f.At.TotalSeconds:F0} s for {f.Down.TotalSeconds:F0} s" : "") + "…");

var start = recorder.Now;
var end = start + options.Duration.TotalSeconds;
var fault = options.Fault is null ? Task.FromResult<FaultTimes?>(null) : InjectAsync(options.Fault, start);
await Task.WhenAll(clinicians.Select(async c =>
{
    while (recorder.Now < end) await c.StepAsync(options.Mix);
}));
var times = await fault;
var stop = recorder.Now;

Console.WriteLine();
Console.WriteLine($"Workload: {options.Clinicians} clinicians, {stop - start:F0} s, mix '{options.Mix}', no think time.");
recorder.PrintLatencies(start, stop);
var unexpected = FaultReport.Print(recorder, start, times, options.Fault);
Console.WriteLine();
var failed = 0;
if (options.DatasetPassword is null) failed = await Reconciliation.RunAsync(options, recorder, [.. clinicians.Select(c => c.State)]);
else Console.WriteLine("Reconciliation skipped: the generated dataset's clinics already hold its audit rows (scripts/load checks it).");
clinicians.ForEach(c => c.Dispose());
return unexpected == 0 && failed == 0 ? 0 : 1;

async Task<FaultTimes?> InjectAsync(Fault f, double origin)
{
    await Task.Delay(f.At);
    var stopBegin = recorder.Now - origin;
    await Bash(f.StopCommand);
    var stopDone = recorder.Now - origin;
    await Task.Delay(f.Down);
    var startBegin = recorder.Now - origin;
    await Bash(f.StartCommand);
    return new FaultTimes(origin + stopBegin, origin + stopDone, origin + startBegin, recorder.Now);
}

static async Task Bash(string command)
{
    using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]))!;
    await process.WaitForExitAsync();
    if (process.ExitCode != 0) Console.Error.WriteLine($"fault command exited {process.ExitCode}: {command}");
}
