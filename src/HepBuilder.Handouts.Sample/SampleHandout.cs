using HepBuilder.Clinical.Dosing;
using HepBuilder.Clinical.Precautions;
using HepBuilder.Clinical.Safety;
using HepBuilder.Clinical.Text;

namespace HepBuilder.Handouts.Sample;

/// <summary>
/// A fictional patient's handout, used by the sample command, the tests and the benchmark. Exercises
/// come from the shipped library when given, otherwise from the hand-written set below.
/// </summary>
public static class SampleHandout
{
    public static HandoutModel Build(IReadOnlyList<HandoutExercise> exercises, HandoutOptions? options = null) => new()
    {
        Clinic = new HandoutClinic
        {
            Name = "Riverside Spine & Physical Therapy",
            Phone = "(555) 010-4477",
            Address = "1200 Harbor Road, Suite 3, Riverside",
            EmergencyNumber = SafetyDefaults.EmergencyNumber,
            EmergencySigns = SafetyDefaults.EmergencyLines,
            CallUsSigns = SafetyDefaults.CallUsLines,
            ExerciseAdvice = SafetyDefaults.ExerciseAdvice,
            FooterText = "Open Monday to Friday, 8 am to 5 pm.",
        },
        PatientName = "Jordan Rivera",
        IssuedOn = new DateOnly(2026, 11, 23),
        Clinician = new HandoutClinician("Dr. Maya Chen", "PT, DPT"),
        Version = 2,
        ProgramTitle = "Lower back: first 4 weeks",
        Instructions = "Do these exercises slowly, on a firm surface, and breathe normally throughout. Mild muscle "
            + "tiredness is expected; sharp pain is not. Start with the first five if you are short on time.",
        Options = options ?? new HandoutOptions(),
        Precautions = PrecautionWording.ForPatient(
            [new Precaution(PrecautionKind.NoLifting, 10, Until: new DateOnly(2027, 3, 4)), new Precaution(PrecautionKind.NoTwisting, Until: new DateOnly(2027, 1, 15))],
            new DateOnly(2026, 11, 23)),
        QrUrl = "https://hepbuilder.example/p/7F3K-92QD",
        Exercises = exercises,
    };

    /// <summary>The exercise with its dose as the clinical core words it, and its steps filled from that dose.</summary>
    public static HandoutExercise Dosed(HandoutExercise exercise, Dose dose) => exercise with
    {
        Dose = DoseSentence.Describe(dose),
        SessionsPerDay = dose.TimesPerDay,
        Steps = PatientText.Fill(exercise.Steps, dose),
        Cues = PatientText.Fill(exercise.Cues, dose),
        Precautions = PatientText.Fill(exercise.Precautions, dose),
        ClinicianNote = dose.Note ?? exercise.ClinicianNote,
    };

    /// <summary>The hand-written exercises, renumbered 1..count (cycled, with a suffix, past the ten written here).</summary>
    public static IReadOnlyList<HandoutExercise> HandMade(int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var (e, dose) = Written[i % Written.Length];
            return Dosed(e, dose) with { Number = i + 1, Name = i < Written.Length ? e.Name : $"{e.Name} ({i / Written.Length + 1})" };
        }).ToList();

    private static readonly (HandoutExercise Exercise, Dose Dose)[] Written =
    [
        (new()
        {
            Number = 1, Name = "Bridge",
            Pictures = [HandoutPicture.Drawn(SamplePoses.LyingKneesBent, "Start"), HandoutPicture.Drawn(SamplePoses.BridgeUp, "End")],
            Steps = ["Lie on your back with your knees bent and feet flat, hip-width apart.", "Tighten your stomach and buttock muscles.", "Lift your hips until your body is in a straight line from shoulders to knees.", "Hold, then lower slowly."],
            Dose = "",
            Cues = ["Push through your heels, not your toes."],
            Precautions = ["Do not arch your lower back at the top."],
        }, new Dose { Sets = 2, Reps = 10, HoldSeconds = 5, TimesPerDay = 1, DaysPerWeek = 5 }),
        (new()
        {
            Number = 2, Name = "Pelvic tilt",
            Pictures = [HandoutPicture.Drawn(SamplePoses.LyingKneesBent, "Start")],
            Steps = ["Lie on your back with your knees bent and feet flat.", "Gently flatten your lower back into the floor by tightening your stomach.", "Hold, then relax."],
            Dose = "",
            ClinicianNote = "This one is gentle enough to do on a bad day.",
        }, new Dose { Reps = 10, HoldSeconds = 5, TimesPerDay = 2, DaysPerWeek = 7 }),
        (new()
        {
            Number = 3, Name = "Abdominal drawing-in",
            Pictures = [HandoutPicture.Drawn(SamplePoses.LyingKneesBent, "Start")],
            Steps = ["Lie on your back with your knees bent.", "Breathe in. As you breathe out, pull your belly button gently toward your spine.", "Keep breathing normally while you hold."],
            Dose = "",
        }, new Dose { Reps = 10, HoldSeconds = 10, TimesPerDay = 2, DaysPerWeek = 7 }),
        (new()
        {
            Number = 4, Name = "Clamshell",
            Steps = ["Lie on your side with your knees bent and heels together.", "Keep your feet touching and lift your top knee.", "Lower it slowly."],
            Dose = "",
            Precautions = ["Do not roll your hips backward."],
        }, new Dose { Sets = 2, Reps = 12, Side = DoseSide.EachSide, DaysPerWeek = 4, Load = "red band" }),
        (new()
        {
            Number = 5, Name = "Walking",
            Pictures = [HandoutPicture.Drawn(SamplePoses.Standing, "Tall posture")],
            Steps = ["Walk at a comfortable pace on flat ground.", "Stand tall and let your arms swing."],
            Dose = "",
        }, new Dose { Reps = 1, DurationMinutes = 10, WeeklyAddMinutes = 2, GoalMinutes = 30, TimesPerDay = 1, DaysPerWeek = 7 }),
        (new()
        {
            Number = 6, Name = "Bird-dog",
            Steps = ["Kneel on hands and knees, hands under shoulders and knees under hips.", "Tighten your stomach.", "Reach one arm forward and the opposite leg back, keeping your back level.", "Hold, then return and switch."],
            Dose = "",
            Cues = ["Imagine a glass of water on your lower back: do not spill it."],
        }, new Dose { Sets = 2, Reps = 8, HoldSeconds = 5, Side = DoseSide.Alternating, TimesPerDay = 1, DaysPerWeek = 5, RestSeconds = 30 }),
        (new()
        {
            Number = 7, Name = "Hamstring stretch",
            Steps = ["Lie on your back with both knees bent.", "Loop a towel around one foot and straighten that leg toward the ceiling.", "Stop when you feel a gentle stretch behind the thigh."],
            Dose = "",
        }, new Dose { Reps = 3, HoldSeconds = 30, Side = DoseSide.EachSide, TimesPerDay = 1, DaysPerWeek = 7 }),
        (new()
        {
            Number = 8, Name = "Hip flexor stretch",
            Pictures = [HandoutPicture.Drawn(SamplePoses.Standing, "Start")],
            Steps = ["Kneel on one knee on a cushion, the other foot flat in front.", "Tighten your stomach and shift your weight gently forward.", "Feel the stretch at the front of the hip of the kneeling leg."],
            Dose = "",
        }, new Dose { Reps = 3, HoldSeconds = 30, Side = DoseSide.EachSide, DaysPerWeek = 7 }),
        (new()
        {
            Number = 9, Name = "Side plank on knees",
            Steps = ["Lie on your side, propped on your elbow, knees bent.", "Lift your hips so your body is straight from head to knees.", "Hold, then lower."],
            Dose = "",
            Precautions = ["Skip this one if your shoulder hurts."],
        }, new Dose { Reps = 5, HoldSeconds = 10, Side = DoseSide.EachSide, DaysPerWeek = 3 }),
        (new()
        {
            Number = 10, Name = "Mini squat",
            Pictures = [HandoutPicture.Drawn(SamplePoses.Standing, "Start")],
            Steps = ["Stand with your feet shoulder-width apart, holding a counter.", "Bend your knees and push your hips back a little, as if to sit.", "Stand up tall again."],
            Dose = "",
        }, new Dose { Sets = 2, Reps = 10, TimesPerDay = 1, DaysPerWeek = 4 }),
    ];
}
