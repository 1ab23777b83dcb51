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
            SafetyText = "Stop the exercises and call us if you have new numbness or weakness in a leg, pain that spreads "
                + "down a leg, trouble controlling your bladder or bowels, or pain that is much worse the next morning.",
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
        QrUrl = "https://hepbuilder.example/p/7F3K-92QD",
        Exercises = exercises,
    };

    /// <summary>The hand-written exercises, renumbered 1..count (cycled, with a suffix, past the ten written here).</summary>
    public static IReadOnlyList<HandoutExercise> HandMade(int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var e = Written[i % Written.Length];
            return e with { Number = i + 1, Name = i < Written.Length ? e.Name : $"{e.Name} ({i / Written.Length + 1})" };
        }).ToList();

    private static readonly HandoutExercise[] Written =
    [
        new()
        {
            Number = 1, Name = "Bridge",
            Pictures = [HandoutPicture.Drawn(SamplePoses.LyingKneesBent, "Start"), HandoutPicture.Drawn(SamplePoses.BridgeUp, "End")],
            Steps = ["Lie on your back with your knees bent and feet flat, hip-width apart.", "Tighten your stomach and buttock muscles.", "Lift your hips until your body is in a straight line from shoulders to knees.", "Hold, then lower slowly."],
            Dose = new HandoutDose { Sets = 2, Reps = 10, HoldSeconds = 5, TimesPerDay = 1, DaysPerWeek = 5 },
            Cues = ["Push through your heels, not your toes."],
            Precautions = ["Do not arch your lower back at the top."],
        },
        new()
        {
            Number = 2, Name = "Pelvic tilt",
            Pictures = [HandoutPicture.Drawn(SamplePoses.LyingKneesBent, "Start")],
            Steps = ["Lie on your back with your knees bent and feet flat.", "Gently flatten your lower back into the floor by tightening your stomach.", "Hold, then relax."],
            Dose = new HandoutDose { Reps = 10, HoldSeconds = 5, TimesPerDay = 2, DaysPerWeek = 7 },
            ClinicianNote = "This one is gentle enough to do on a bad day.",
        },
        new()
        {
            Number = 3, Name = "Abdominal drawing-in",
            Pictures = [HandoutPicture.Drawn(SamplePoses.LyingKneesBent, "Start")],
            Steps = ["Lie on your back with your knees bent.", "Breathe in. As you breathe out, pull your belly button gently toward your spine.", "Keep breathing normally while you hold."],
            Dose = new HandoutDose { Reps = 10, HoldSeconds = 10, TimesPerDay = 2, DaysPerWeek = 7 },
        },
        new()
        {
            Number = 4, Name = "Clamshell",
            Steps = ["Lie on your side with your knees bent and heels together.", "Keep your feet touching and lift your top knee.", "Lower it slowly."],
            Dose = new HandoutDose { Sets = 2, Reps = 12, Side = DoseSide.EachSide, DaysPerWeek = 4, Load = "red band" },
            Precautions = ["Do not roll your hips backward."],
        },
        new()
        {
            Number = 5, Name = "Walking",
            Pictures = [HandoutPicture.Drawn(SamplePoses.Standing, "Tall posture")],
            Steps = ["Walk at a comfortable pace on flat ground.", "Stand tall and let your arms swing."],
            Dose = new HandoutDose { TimesPerDay = 1, DaysPerWeek = 7 },
            ClinicianNote = "Start with 10 minutes and add 2 minutes every few days, up to 30 minutes.",
        },
        new()
        {
            Number = 6, Name = "Bird-dog",
            Steps = ["Kneel on hands and knees, hands under shoulders and knees under hips.", "Tighten your stomach.", "Reach one arm forward and the opposite leg back, keeping your back level.", "Hold, then return and switch."],
            Dose = new HandoutDose { Sets = 2, Reps = 8, HoldSeconds = 5, Side = DoseSide.Alternating, TimesPerDay = 1, DaysPerWeek = 5, RestSeconds = 30 },
            Cues = ["Imagine a glass of water on your lower back: do not spill it."],
        },
        new()
        {
            Number = 7, Name = "Hamstring stretch",
            Steps = ["Lie on your back with both knees bent.", "Loop a towel around one foot and straighten that leg toward the ceiling.", "Stop when you feel a gentle stretch behind the thigh."],
            Dose = new HandoutDose { Reps = 3, HoldSeconds = 30, Side = DoseSide.EachSide, TimesPerDay = 1, DaysPerWeek = 7 },
        },
        new()
        {
            Number = 8, Name = "Hip flexor stretch",
            Pictures = [HandoutPicture.Drawn(SamplePoses.Standing, "Start")],
            Steps = ["Kneel on one knee on a cushion, the other foot flat in front.", "Tighten your stomach and shift your weight gently forward.", "Feel the stretch at the front of the hip of the kneeling leg."],
            Dose = new HandoutDose { Reps = 3, HoldSeconds = 30, Side = DoseSide.EachSide, DaysPerWeek = 7 },
        },
        new()
        {
            Number = 9, Name = "Side plank on knees",
            Steps = ["Lie on your side, propped on your elbow, knees bent.", "Lift your hips so your body is straight from head to knees.", "Hold, then lower."],
            Dose = new HandoutDose { Reps = 5, HoldSeconds = 10, Side = DoseSide.EachSide, DaysPerWeek = 3 },
            Precautions = ["Skip this one if your shoulder hurts."],
        },
        new()
        {
            Number = 10, Name = "Mini squat",
            Pictures = [HandoutPicture.Drawn(SamplePoses.Standing, "Start")],
            Steps = ["Stand with your feet shoulder-width apart, holding a counter.", "Bend your knees and push your hips back a little, as if to sit.", "Stand up tall again."],
            Dose = new HandoutDose { Sets = 2, Reps = 10, TimesPerDay = 1, DaysPerWeek = 4 },
        },
    ];
}
