using HepBuilder.SearchBench;

// generate: fill the database named by HEP_DB with a 10,000-exercise library (scripts/generate-library).
// dataset:  drop, create and fill the database named by HEP_DB with issue 8's clinic group (scripts/generate-dataset).
// query:    measure ExerciseSearch.SearchAsync latency over that library and print p50/p95/p99.
var command = args.FirstOrDefault() ?? "";
var connectionString = Environment.GetEnvironmentVariable("HEP_DB");
if (string.IsNullOrEmpty(connectionString) || command is not ("generate" or "query" or "dataset"))
{
    Console.Error.WriteLine("usage: HEP_DB=<connection string> HepBuilder.SearchBench generate [--total 10000] | dataset [--programs 200000] | query [--iterations 3000]");
    return 2;
}
int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
return command switch
{
    "generate" => await LibraryGenerator.RunAsync(connectionString, Option("--total", 10_000)),
    "dataset" => await HepBuilder.SearchBench.Dataset.DatasetGenerator.RunAsync(connectionString,
        HepBuilder.SearchBench.Dataset.DatasetSize.Full with { Programs = Option("--programs", 200_000) }),
    _ => await SearchLatency.RunAsync(connectionString, Option("--iterations", 3_000)),
};
