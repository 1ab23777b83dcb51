using System.Globalization;

namespace HepBuilder.Handouts.Tests.Library;

public class ReadabilityTests
{
    private const double MaxGrade = 7;

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("make", 1)]
    [InlineData("exercise", 3)]
    [InlineData("slowly", 2)]
    [InlineData("stretched", 1)]
    [InlineData("shoulders", 2)]
    [InlineData("abdominal", 4)]
    public void Syllable_counter_is_close_on_common_words(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    [Fact]
    public void Plain_short_sentences_score_low_and_dense_prose_scores_high()
    {
        Assert.True(Readability.Grade("Lie on your back. Bend your knees. Keep your feet flat.") < 3);
        Assert.True(Readability.Grade(
            "Pelvic tilts are an excellent exercise for strengthening the abdominal musculature, which helps to " +
            "support your lumbar spine and prevent lower back pain from developing subsequently.") > 12);
    }

    [Fact]
    public void Every_shipped_exercise_reads_at_grade_7_or_below()
    {
        var tooHard = ShippedLibrary.Exercises
            .Select(e => (e.Name, Grade: Readability.Grade(string.Join(" ", e.Steps))))
            .Where(x => x.Grade > MaxGrade)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Name}: grade {x.Grade:0.0}"))
            .ToList();

        Assert.True(tooHard.Count == 0, "Steps above grade 7: " + string.Join("; ", tooHard));
    }

    /// <summary>Each tier of the safety box, and each precaution sentence, as the patient reads it: grade 6 or below.</summary>
    [Fact]
    public void The_safety_box_and_the_precautions_read_at_grade_6_or_below()
    {
        var sentences = new[] { HepBuilder.Clinical.Safety.SafetyDefaults.EmergencyLines, HepBuilder.Clinical.Safety.SafetyDefaults.CallUsLines }
            .Select(lines => string.Join(". ", lines) + ".")
            .Concat(Enum.GetValues<HepBuilder.Clinical.Precautions.PrecautionKind>()
                .Where(k => k != HepBuilder.Clinical.Precautions.PrecautionKind.Custom)
                .Select(k => HepBuilder.Clinical.Precautions.PrecautionWording.ForPatient(new(k, 10, Until: new DateOnly(2027, 3, 4)))));
        Assert.All(sentences, text => Assert.True(Readability.Grade(text) <= 6, $"{text}: grade {Readability.Grade(text):0.0}"));
    }
}
