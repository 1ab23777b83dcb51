using HepBuilder.Clinical.Precautions;
using HepBuilder.Clinical.Text;

namespace HepBuilder.Clinical.Tests.Precautions;

public sealed class PrecautionWordingTests
{
    private static readonly DateOnly March4 = new(2027, 3, 4);

    [Fact]
    public void The_patient_reads_a_lift_limit_in_pounds_with_its_date() =>
        Assert.Equal("Do not lift more than 10 pounds until March 4, 2027.",
            PrecautionWording.ForPatient(new Precaution(PrecautionKind.NoLifting, 10, Until: March4)));

    [Fact]
    public void Every_kind_has_everyday_words_for_the_patient_and_a_name_for_the_clinician()
    {
        foreach (var kind in Enum.GetValues<PrecautionKind>().Where(k => k != PrecautionKind.Custom))
        {
            var patient = PrecautionWording.ForPatient(new Precaution(kind));
            Assert.StartsWith("Do not ", patient);
            Assert.DoesNotContain("lumbar", patient, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("flexion", patient, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual(kind.ToString(), PrecautionWording.Name(new Precaution(kind)));
            Assert.NotEqual(kind.ToString(), PrecautionWording.KindLabel(kind));
        }
    }

    [Fact]
    public void The_clinicians_own_words_follow_as_typed() =>
        Assert.Equal("Do not twist your body. Includes turning to reach the seat belt.",
            PrecautionWording.ForPatient(new Precaution(PrecautionKind.NoTwisting, Text: "Includes turning to reach the seat belt.")));

    [Fact]
    public void A_custom_precaution_is_its_text() =>
        Assert.Equal("No driving until March 4, 2027.",
            PrecautionWording.ForPatient(new Precaution(PrecautionKind.Custom, Text: "No driving.", Until: March4)));

    [Fact]
    public void Only_precautions_active_on_the_day_are_for_the_patient()
    {
        var lines = PrecautionWording.ForPatient(
            [new Precaution(PrecautionKind.NoLifting, 10, Until: March4), new Precaution(PrecautionKind.NoTwisting, Until: new DateOnly(2026, 12, 1))],
            new DateOnly(2026, 12, 4));
        Assert.Equal(["Do not lift more than 10 pounds until March 4, 2027."], lines);
    }

    [Fact]
    public void The_patients_precaution_sentences_carry_no_dose_numbers()
    {
        foreach (var kind in Enum.GetValues<PrecautionKind>().Where(k => k != PrecautionKind.Custom))
        {
            Assert.Empty(DoseNumbers.Find(PrecautionWording.ForPatient(new Precaution(kind, 10, Until: March4))));
        }
    }

    [Fact]
    public void The_clinicians_line_keeps_the_iso_date() =>
        Assert.Equal("No lifting over 10 lb — laundry too until 2027-03-04",
            PrecautionWording.ForClinician(new Precaution(PrecautionKind.NoLifting, 10, "laundry too", March4)));
}
