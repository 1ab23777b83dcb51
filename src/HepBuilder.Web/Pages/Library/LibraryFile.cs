using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Seeding;

namespace HepBuilder.Web.Pages.Library;

/// <summary>A problem found in an import file: which row (1 = first exercise), which exercise, which field.</summary>
public sealed record ImportProblem(int Row, string? Name, string Field, string Message);

/// <summary>
/// The library's file formats. JSON is the seed format (db/seed/exercises.json) with photos as base64: full fidelity.
/// CSV carries the text fields only, one exercise per row, list fields one item per line inside the cell.
/// Parsing never throws on bad content: every problem is reported against its row and field.
/// </summary>
public static class LibraryFile
{
    public static readonly string[] CsvColumns =
    [
        "Name", "Aliases", "BodyRegion", "Category", "Position", "Equipment", "Difficulty", "Steps", "Cues", "Precautions",
        "MovementTags", "Sets", "Reps", "HoldSeconds", "Side", "TimesPerDay", "DaysPerWeek", "RestSeconds", "Load", "VideoUrl", "Status",
    ];

    /// <summary>Columns added later: exported always, read when present, so a file from before them still imports.</summary>
    public static readonly string[] OptionalCsvColumns = ["ClinicianNotes", "DurationMinutes", "WeeklyAddMinutes", "GoalMinutes", "Note"];

    public static byte[] ToJson(IEnumerable<ExerciseSeed> exercises) =>
        JsonSerializer.SerializeToUtf8Bytes(new ExerciseSeedFile { Exercises = exercises.ToList() }, LibrarySeeder.Json);

    public static byte[] ToCsv(IEnumerable<ExerciseSeed> exercises)
    {
        using var stream = new MemoryStream();
        // Injection escaping: spreadsheets run cells starting with = + - @ as formulas; a leading ' stops that.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(stream, options, true))
        {
            csv.WriteHeader([.. CsvColumns, .. OptionalCsvColumns]);
            foreach (var e in exercises)
            {
                var d = e.Dose;
                csv.WriteRecord(
                [
                    e.Name, Join(e.Aliases), e.BodyRegion.ToString(), e.Category.ToString(), e.Position.ToString(), Join(e.Equipment),
                    N(e.Difficulty), Join(e.Steps), Join(e.Cues), Join(e.Precautions), Join(e.MovementTags), N(d.Sets), N(d.Reps),
                    N(d.HoldSeconds), d.Side.ToString(), N(d.TimesPerDay), N(d.DaysPerWeek), N(d.RestSeconds), d.Load ?? "",
                    e.VideoUrl ?? "", e.Status.ToString(),
                    Join(e.ClinicianNotes), N(d.DurationMinutes), N(d.WeeklyAddMinutes), N(d.GoalMinutes), d.Note ?? "",
                ]);
            }
            csv.Flush();
        }
        return stream.ToArray();
    }

    /// <summary>Reads either format (JSON if the content starts with '{'), collecting every problem.</summary>
    public static List<ExerciseSeed> Read(byte[] content, List<ImportProblem> problems)
    {
        var bom = Encoding.UTF8.GetPreamble();
        if (content.AsSpan().StartsWith(bom)) content = content[bom.Length..];
        var text = Encoding.UTF8.GetString(content);
        return text.TrimStart().StartsWith('{') ? ReadJson(text, problems) : ReadCsv(content, problems);
    }

    private static List<ExerciseSeed> ReadJson(string text, List<ImportProblem> problems)
    {
        var result = new List<ExerciseSeed>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            problems.Add(new(0, null, "File", $"The file is not valid JSON (line {ex.LineNumber + 1}). Export a file from HepBuilder and try again."));
            return result;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("exercises", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new(0, null, "File", "The file has no \"exercises\" list. Export a file from HepBuilder to see the format."));
                return result;
            }
            var row = 0;
            foreach (var element in list.EnumerateArray())
            {
                row++;
                try
                {
                    result.Add(WithLists(element.Deserialize<ExerciseSeed>(LibrarySeeder.Json) ?? throw new JsonException("The entry is empty.")));
                }
                // A lone surrogate escape ("\ud800") parses as JSON but cannot become a string: the same as a bad value.
                catch (Exception ex) when (ex is JsonException or InvalidOperationException)
                {
                    var name = NameOf(element);
                    var field = ex is JsonException { Path: { Length: > 2 } path } ? path.TrimStart('$', '.') : "Entry";
                    problems.Add(new(row, name, field, "This value is not valid here (check the spelling of names such as body region or side)."));
                    result.Add(new ExerciseSeed { Name = name ?? "" });
                }
            }
        }
        return result;
    }

    /// <summary>A file may say "steps": null (a 500 in the checks before); a list that is not there is an empty one.</summary>
    private static ExerciseSeed WithLists(ExerciseSeed e)
    {
        e.Aliases ??= [];
        e.Steps ??= [];
        e.Cues ??= [];
        e.Precautions ??= [];
        e.ClinicianNotes ??= [];
        e.Equipment ??= [];
        e.MovementTags ??= [];
        e.Pictures ??= [];
        return e;
    }

    /// <summary>The entry's name for the list of problems, as far as it can be read (a lone surrogate cannot).</summary>
    private static string? NameOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("name", out var name)) return null;
        try
        {
            return name.ToString();
        }
        catch (InvalidOperationException)
        {
            return name.GetRawText();
        }
    }

    private static List<ExerciseSeed> ReadCsv(byte[] content, List<ImportProblem> problems)
    {
        var result = new List<ExerciseSeed>();
        try
        {
            using var csv = CsvReader.Create(content, new CsvReaderOptions());
            csv.ReadHeader();
            var headers = csv.Headers.ToList();
            if (headers.Count == 0)
            {
                problems.Add(new(0, null, "File", "The file is empty."));
                return result;
            }
            var missing = CsvColumns.Where(c => !headers.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(new(0, null, "File", "The CSV file has no column named " + string.Join(", ", missing) + ". Export a file to see the columns."));
                return result;
            }
            var optional = OptionalCsvColumns.Where(c => headers.Contains(c, StringComparer.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            while (csv.Read())
            {
                result.Add(ReadCsvRow(csv, optional, result.Count + 1, problems));
            }
        }
        catch (CsvFormatException ex)
        {
            problems.Add(new(result.Count + 1, null, "File", "The CSV file is damaged here (" + ex.Message + ")."));
        }
        return result;
    }

    private static ExerciseSeed ReadCsvRow(CsvReader csv, IReadOnlySet<string> optional, int row, List<ImportProblem> problems)
    {
        string Get(string column) => CsvColumns.Contains(column) || optional.Contains(column) ? Unguard((csv.GetString(column) ?? "").Trim()) : "";
        var seed = new ExerciseSeed { Name = Get("Name") };
        void Bad(string field, string message) => problems.Add(new(row, seed.Name, field, message));
        int Int(string column, string field)
        {
            if (!CsvColumns.Contains(column) && Get(column).Length == 0) return 0;
            if (int.TryParse(Get(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
            Bad(field, $"“{Get(column)}” is not a whole number.");
            return 0;
        }
        T One<T>(string column) where T : struct, Enum
        {
            if (Enum.TryParse<T>(Get(column), true, out var v) && Enum.IsDefined(v)) return v;
            Bad(column, $"“{Get(column)}” is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
            return default;
        }
        List<T> Many<T>(string column) where T : struct, Enum
        {
            var values = new List<T>();
            foreach (var item in ExerciseRules.Lines(Get(column).Replace(',', '\n')))
            {
                if (Enum.TryParse<T>(item, true, out var v) && Enum.IsDefined(v)) values.Add(v);
                else Bad(column, $"“{item}” is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
            }
            return values;
        }
        seed.Aliases = ExerciseRules.Lines(Get("Aliases"));
        seed.BodyRegion = One<BodyRegion>("BodyRegion");
        seed.Category = One<ExerciseCategory>("Category");
        seed.Position = One<BodyPosition>("Position");
        seed.Equipment = Many<Equipment>("Equipment");
        seed.Difficulty = Int("Difficulty", "Difficulty");
        seed.Steps = ExerciseRules.Lines(Get("Steps"));
        seed.Cues = ExerciseRules.Lines(Get("Cues"));
        seed.Precautions = ExerciseRules.Lines(Get("Precautions"));
        seed.ClinicianNotes = ExerciseRules.Lines(Get("ClinicianNotes"));
        seed.MovementTags = Many<MovementTag>("MovementTags");
        seed.Dose = new Dose
        {
            Sets = Int("Sets", "Dose.Sets"), Reps = Int("Reps", "Dose.Reps"), HoldSeconds = Int("HoldSeconds", "Dose.HoldSeconds"),
            DurationMinutes = Int("DurationMinutes", "Dose.DurationMinutes"), WeeklyAddMinutes = Int("WeeklyAddMinutes", "Dose.WeeklyAddMinutes"),
            GoalMinutes = Int("GoalMinutes", "Dose.GoalMinutes"), Note = Get("Note") is { Length: > 0 } note ? note : null,
            Side = One<DoseSide>("Side"), TimesPerDay = Int("TimesPerDay", "Dose.TimesPerDay"),
            DaysPerWeek = Int("DaysPerWeek", "Dose.DaysPerWeek"), RestSeconds = Int("RestSeconds", "Dose.RestSeconds"),
            Load = Get("Load") is { Length: > 0 } load ? load : null,
        };
        seed.VideoUrl = Get("VideoUrl") is { Length: > 0 } url ? url : null;
        seed.Status = Get("Status").Length == 0 ? ExerciseStatus.Active : One<ExerciseStatus>("Status");
        return seed;
    }

    /// <summary>Undoes the writer's formula escaping, so exported text comes back exactly.</summary>
    private static string Unguard(string field) => field.Length > 1 && field[0] == '\'' && "=+-@\t\r".Contains(field[1]) ? field[1..] : field;

    private static string Join<T>(IEnumerable<T> items) => string.Join('\n', items);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

}
