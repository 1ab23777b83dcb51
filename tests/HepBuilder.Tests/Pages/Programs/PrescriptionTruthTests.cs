using System.Net;
using System.Text.RegularExpressions;
using HepBuilder.Clinical.Safety;
using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using HepBuilder.Tests.Pages.PatientView;
using Microsoft.EntityFrameworkCore;
using static HepBuilder.Tests.Pages.Programs.ProgramKit;

namespace HepBuilder.Tests.Pages.Programs;

/// <summary>
/// What the patient reads takes its numbers from the prescription only: every shipped exercise is issued with a dose
/// nobody would choose by default, and the handout's text layer and the phone page are read back for every count of
/// seconds, minutes, repetitions, sets, sessions and days.
/// </summary>
public sealed partial class PrescriptionTruthTests(AppFixture app) : AppTest(app)
{
    private readonly PatientViewKit _kit = new(app);

    // Numbers no shipped default uses, so a number left in library text cannot pass for a prescribed one.
    private const int Sets = 3, Reps = 7, Hold = 9, Rest = 25, Days = 4, Minutes = 13, AddMinutes = 3, GoalMinutes = 37;
    private static readonly DateOnly LiftUntil = new(2027, 3, 4), TwistUntil = new(2027, 1, 15), FlexionUntil = new(2027, 2, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_shipped_exercise_prints_and_shows_only_the_prescribed_numbers(int timesPerDay)
    {
        var (clinic, client) = await _kit.Programs.ClinicAsync($"Truth Spine {timesPerDay}", "Okafor",
            new PatientPrecaution { Kind = PrecautionKind.NoLifting, MaxLiftPounds = 10, Until = LiftUntil },
            new PatientPrecaution { Kind = PrecautionKind.NoTwisting, Until = TwistUntil },
            new PatientPrecaution { Kind = PrecautionKind.NoLumbarFlexion, Until = FlexionUntil },
            new PatientPrecaution { Kind = PrecautionKind.NoImpact, Until = new DateOnly(2020, 1, 1) });
        var names = await App.WithDbAsync(db => db.Exercises.Where(e => e.ShippedKey != null).OrderBy(e => e.Name).Select(e => e.Name).ToListAsync());
        Assert.True(names.Count >= 46);

        // A program holds at most 40 exercises: the library goes out in two.
        var seen = new Dictionary<string, string> { ["handout"] = "", ["phone page"] = "" };
        foreach (var batch in names.Chunk(names.Count / 2 + 1))
        {
            var id = await NewProgramAsync(client, clinic.PatientId);
            var html = await _kit.Programs.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), batch);
            var response = await IssueAsync(client, id, html, f => Prescribe(f, timesPerDay));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

            var pdf = await App.WithDbAsync(db => db.ProgramVersions.Where(v => v.ProgramId == id && v.Number == 1)
                .Select(v => v.HandoutPdf!).SingleAsync(), clinic.Id);
            var paper = PdfWords.All(pdf);
            var phone = Text(await _kit.Phone().GetPageAsync($"/p/{await _kit.TokenAsync(id)}"));
            foreach (var (where, text) in new[] { ("handout", paper), ("phone page", phone) })
            {
                AssertOnlyPrescribedNumbers(where, text, timesPerDay);
                AssertSafetyInformation(where, text);
                foreach (var name in batch) Assert.Contains(name, text);
                seen[where] += " " + text;
            }
        }
        foreach (var text in seen.Values)
        {
            Assert.Contains($"Do {Sets} sets of {Reps}. Hold each one for {Hold} seconds.", text);
            Assert.Contains($"Do it for {Minutes} minutes.", text);
            Assert.Contains($"Each week, add {AddMinutes} minutes, up to {GoalMinutes} minutes.", text);
        }
    }

    [Fact]
    public async Task Without_a_clinic_phone_nothing_is_issued_and_the_builder_says_why()
    {
        var (clinicId, _) = await App.Data.ClinicAsync("No Phone Spine", phone: null);
        var clinician = await App.Data.UserAsync(clinicId);
        var patientId = await _kit.Programs.PatientAsync(clinicId, "Ada", "Okafor");
        using var client = App.Client();
        await client.SignInAsync(clinician.Email, clinician.Password);
        var id = await NewProgramAsync(client, patientId);
        var html = await _kit.Programs.AddAsync(client, id, await client.GetPageAsync(EditUrl(id)), "Bridge");
        Assert.Contains("The clinic has no phone number.", html);

        var (response, page) = await PostAsync(client, id, html, "Issue");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"issue-errors\"", page);
        Assert.Contains("The clinic has no phone number, and the handout must tell the patient whom to call.", WebUtility.HtmlDecode(page));
        Assert.Equal(0, await App.WithDbAsync(db => db.ProgramVersions.CountAsync(v => v.ProgramId == id && v.Number != null), clinicId));
    }

    /// <summary>Sets every exercise's dose to the test's numbers (timed ones to minutes) and gives every conflict a reason.</summary>
    private static void Prescribe(Dictionary<string, string> f, int timesPerDay)
    {
        foreach (var index in f.Keys.Select(k => ItemIndex().Match(k)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList())
        {
            var p = $"Input.Items[{index}].";
            var timed = int.Parse(f[p + "DurationMinutes"]) > 0;
            f[p + "Sets"] = timed ? "1" : Sets.ToString();
            f[p + "Reps"] = timed ? "1" : Reps.ToString();
            f[p + "HoldSeconds"] = timed ? "0" : Hold.ToString();
            f[p + "DurationMinutes"] = timed ? Minutes.ToString() : "0";
            f[p + "WeeklyAddMinutes"] = timed ? AddMinutes.ToString() : "0";
            f[p + "GoalMinutes"] = timed ? GoalMinutes.ToString() : "0";
            f[p + "TimesPerDay"] = timesPerDay.ToString();
            f[p + "DaysPerWeek"] = Days.ToString();
            f[p + "RestSeconds"] = Rest.ToString();
            f[p + "Load"] = "";
        }
        foreach (var key in f.Keys.Where(k => k.EndsWith(".Reason", StringComparison.Ordinal)).ToList()) f[key] = "Cleared by the surgeon";
    }

    private static void AssertOnlyPrescribedNumbers(string where, string text, int timesPerDay)
    {
        var allowed = new[] { Sets, Reps, Hold, Rest, Days, Minutes, AddMinutes, GoalMinutes, timesPerDay }.ToHashSet();
        // A unit with a capital is not a count: a step's number before its first word ("2 Set your heels") or the log's "Day 1".
        foreach (Match m in CountWithUnit().Matches(text).Where(m => !char.IsUpper(m.Groups[2].Value[0])))
        {
            Assert.True(allowed.Contains(int.Parse(m.Groups[1].Value)), $"The {where} says “{m.Value}”, a number nobody prescribed.");
        }
        foreach (Match m in CountAfterDo().Matches(text))
        {
            Assert.True(allowed.Contains(int.Parse(m.Groups[1].Value)), $"The {where} says “{m.Value}”, a number nobody prescribed.");
        }
        var words = NumberWords().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        var expected = timesPerDay switch { 1 => "once", 2 => "twice", _ => null };
        Assert.True(words.All(w => w == expected), $"The {where} says {string.Join(", ", words)} with {timesPerDay} sessions a day.");
        if (expected is null) Assert.Contains($"{timesPerDay} times a day, {Days} days a week", text);
        else Assert.Contains($"{expected} a day, {Days} days a week", text);
        Assert.DoesNotContain("every day", text);
    }

    private static void AssertSafetyInformation(string where, string text)
    {
        Assert.True(text.Contains("(555) 010-2000", StringComparison.Ordinal), $"The {where} has no clinic phone.");
        Assert.Contains("Do not lift more than 10 pounds until March 4, 2027.", text);
        Assert.Contains("Do not twist your body until January 15, 2027.", text);
        Assert.Contains("Do not bend your lower back forward until February 1, 2027.", text);
        Assert.DoesNotContain("Do not run, jump or hop", text); // expired in 2020
        Assert.Contains("911", text);
        foreach (var sign in SafetyDefaults.EmergencyLines.Concat(SafetyDefaults.CallUsLines)) Assert.Contains(sign, text);
        Assert.DoesNotContain("If you had back surgery", text);
        Assert.DoesNotContain("Skip this if you were told", text);
    }

    [GeneratedRegex(@"^Input\.Items\[(\d+)\]\.ExerciseId$")]
    private static partial Regex ItemIndex();

    [GeneratedRegex(@"\b(\d+)(?:\s*(?:-|–|to)\s*\d+)?[\s-]*(seconds?|minutes?|times|sets?|reps?|repetitions?|rounds?|days?|weeks?|breaths?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountWithUnit();

    [GeneratedRegex(@"\b(?:do|repeat)\s+(?:it\s+|this\s+|about\s+)?(\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountAfterDo();

    [GeneratedRegex(@"\b(?:once|twice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWords();
}
