namespace HepBuilder.Handouts.Tests.Library;

public class ShippedLibraryTests
{
    private static readonly string[] BodyRegions = ["Lumbar", "Thoracic", "Cervical", "Hip", "Knee", "Shoulder", "Core", "WholeBody"];
    private static readonly string[] Categories = ["Strengthening", "Stretching", "Mobility", "Stability", "Aerobic"];
    private static readonly string[] Positions = ["Supine", "Prone", "SideLying", "Quadruped", "Sitting", "Standing", "Kneeling"];
    private static readonly string[] Equipment = ["None", "Mat", "Chair", "Wall", "Band", "Ball", "Weight", "Step", "Dowel", "Towel"];
    private static readonly string[] MovementTags = Enum.GetNames<HepBuilder.Clinical.Precautions.MovementTag>();
    private static readonly string[] Sides = Enum.GetNames<HepBuilder.Clinical.Dosing.DoseSide>();

    // Every exercise the source article teaches, plus the ones the clinic asked for by name.
    public static readonly TheoryData<string> RequiredKeys = new(
    [
        "supine-pelvic-tilt", "bridge", "alternating-superman", "plank", "side-plank", "bird-dog", "glute-bridge",
        "abdominal-drawing-in", "abdominal-crunch", "walking-program", "clamshell", "quadruped-arm-leg-lifts", "squat",
        "hip-flexor-stretch", "hamstring-stretch", "knee-to-chest", "double-knee-to-chest", "lower-trunk-rotation",
        "cat-camel", "prone-press-up", "prone-lying", "dead-bug", "wall-sit", "heel-slides", "piriformis-stretch",
        "figure-4-stretch", "childs-pose", "standing-back-extension", "sit-to-stand", "step-ups", "calf-raises",
        "side-lying-leg-raise", "hip-hinge-with-dowel", "wall-angels", "chin-tucks", "seated-marching",
        "bent-knee-fall-outs", "band-rows", "pallof-press",
    ]);

    /// <summary>The dose box prints the prescription; a number in the text beside it would contradict any other one.</summary>
    [Fact]
    public void No_shipped_text_carries_a_dose_number_of_its_own()
    {
        var found = ShippedLibrary.Exercises
            .SelectMany(e => e.Steps.Concat(e.Cues).Concat(e.Precautions).Select(line => (e.Name, Line: line, Numbers: HepBuilder.Clinical.Text.DoseNumbers.Find(line))))
            .Where(x => x.Numbers.Count > 0)
            .Select(x => $"{x.Name}: “{x.Line}”")
            .ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>Lines for the prescriber ("if you had back surgery, ask…") belong in the clinician notes, never on the patient's page.</summary>
    [Fact]
    public void No_shipped_text_speaks_to_the_clinician_instead_of_the_patient() =>
        Assert.All(ShippedLibrary.Exercises.SelectMany(e => e.Steps.Concat(e.Cues).Concat(e.Precautions)), line =>
        {
            Assert.DoesNotContain("had back surgery", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("were told not to", line, StringComparison.OrdinalIgnoreCase);
        });

    [Fact]
    public void Placeholders_are_ones_the_handout_fills() =>
        Assert.All(ShippedLibrary.Exercises.SelectMany(e => e.Steps.Concat(e.Cues).Concat(e.Precautions)),
            line => Assert.Empty(HepBuilder.Clinical.Text.PatientText.UnknownPlaceholders(line)));

    [Fact]
    public void Library_ships_at_least_44_exercises() =>
        Assert.True(ShippedLibrary.Exercises.Count >= 44, $"Only {ShippedLibrary.Exercises.Count} exercises.");

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void Required_exercise_is_shipped(string key) =>
        Assert.Contains(ShippedLibrary.Exercises, e => e.Key == key);

    [Fact]
    public void Keys_and_names_are_unique_and_keys_are_slugs()
    {
        var exercises = ShippedLibrary.Exercises;
        Assert.Empty(exercises.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(exercises.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(exercises, e => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", e.Key));
    }

    [Fact]
    public void Every_exercise_uses_only_allowed_values()
    {
        Assert.All(ShippedLibrary.Exercises, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Name), e.Key);
            Assert.Contains(e.BodyRegion, BodyRegions);
            Assert.Contains(e.Category, Categories);
            Assert.Contains(e.Position, Positions);
            Assert.NotEmpty(e.Equipment);
            Assert.All(e.Equipment, x => Assert.Contains(x, Equipment));
            Assert.True(!e.Equipment.Contains("None") || e.Equipment.Count == 1, $"{e.Name}: 'None' with other equipment");
            Assert.All(e.MovementTags, x => Assert.Contains(x, MovementTags));
            Assert.InRange(e.Difficulty, 1, 3);
        });
    }

    [Fact]
    public void Every_exercise_has_1_to_12_steps_of_at_most_400_characters()
    {
        Assert.All(ShippedLibrary.Exercises, e =>
        {
            Assert.InRange(e.Steps.Count, 1, 12);
            Assert.All(e.Steps.Concat(e.Cues).Concat(e.Precautions), s =>
            {
                Assert.False(string.IsNullOrWhiteSpace(s), e.Name);
                Assert.True(s.Length <= 400, $"{e.Name}: '{s}' is {s.Length} characters");
            });
            Assert.NotEmpty(e.Precautions);
        });
    }

    [Fact]
    public void Every_default_dose_is_within_bounds()
    {
        Assert.All(ShippedLibrary.Exercises, e =>
        {
            var d = e.Dose;
            Assert.InRange(d.Sets, 1, 10);
            Assert.InRange(d.Reps, 1, HepBuilder.Clinical.Dosing.DoseRules.RepsMax);
            Assert.InRange(d.HoldSeconds, 0, 600);
            Assert.InRange(d.TimesPerDay, 1, 6);
            Assert.InRange(d.DaysPerWeek, 1, 7);
            Assert.InRange(d.RestSeconds, 0, 600);
            Assert.Contains(d.Side, Sides);
        });
    }

    [Fact]
    public void Every_exercise_has_a_valid_start_and_end_picture()
    {
        Assert.All(ShippedLibrary.Exercises, e =>
        {
            Assert.True(e.Pictures.Count == 2, $"{e.Name} has {e.Pictures.Count} pictures");
            Assert.All(e.Pictures, p =>
            {
                Assert.False(string.IsNullOrWhiteSpace(p.Caption), e.Name);
                var problems = p.Pose.Validate();
                Assert.True(problems.Count == 0, $"{e.Name} / {p.Caption}: {string.Join(" ", problems)}");
            });
        });
    }

    [Theory]
    [InlineData("supine-pelvic-tilt", 10, 5, "Both")]
    [InlineData("bridge", 10, 5, "Both")]
    [InlineData("alternating-superman", 5, 5, "Alternating")]
    public void Source_doses_are_kept(string key, int reps, int holdSeconds, string side)
    {
        var dose = ShippedLibrary.Exercises.Single(e => e.Key == key).Dose;
        Assert.Equal((reps, holdSeconds, side), (dose.Reps, dose.HoldSeconds, dose.Side));
    }

    [Theory]
    [InlineData("abdominal-crunch", "LumbarFlexion")]
    [InlineData("knee-to-chest", "LumbarFlexion")]
    [InlineData("prone-press-up", "LumbarExtension")]
    [InlineData("prone-press-up", "EndRange")]
    [InlineData("lower-trunk-rotation", "Rotation")]
    public void Movement_tags_match_what_the_spine_does(string key, string tag) =>
        Assert.Contains(tag, ShippedLibrary.Exercises.Single(e => e.Key == key).MovementTags);

    [Fact]
    public void Pelvic_tilt_keeps_the_hips_down_and_the_bridge_lifts_them()
    {
        var tilt = ShippedLibrary.Exercises.Single(e => e.Key == "supine-pelvic-tilt");
        var bridge = ShippedLibrary.Exercises.Single(e => e.Key == "bridge");
        Assert.DoesNotContain(tilt.Steps, s => s.Contains("lift your hips", StringComparison.OrdinalIgnoreCase));

        static double HipHeight(SeedPicture p) => p.Pose.Joints.HipLeft!.Value.Y;
        Assert.True(HipHeight(tilt.Pictures[1]) - HipHeight(tilt.Pictures[0]) < 3, "The pelvic tilt end picture lifts the hips.");
        Assert.True(HipHeight(bridge.Pictures[1]) - HipHeight(bridge.Pictures[0]) > 10, "The bridge end picture does not lift the hips.");
    }

    [Fact]
    public void Every_figure_rests_on_the_floor_or_on_a_step()
    {
        Assert.All(ShippedLibrary.Exercises.SelectMany(e => e.Pictures.Select(p => (e.Name, Picture: p))), x =>
        {
            var pose = x.Picture.Pose;
            var lowest = pose.Joints.Named()
                .Where(j => j.Point is not null)
                .Min(j => j.Point!.Value.Y - DrawnRadius(j.Name));
            var supports = pose.Props.Where(p => p.Kind == HepBuilder.Poses.PropKind.Step).Select(p => p.Points[0].Y).Append(0);

            Assert.True(
                supports.Any(level => Math.Abs(lowest - level) <= 1),
                $"{x.Name} / {x.Picture.Caption}: the lowest point of the body is at {lowest:0.0}, not on the floor or a step.");
        });
    }

    // About half the drawn thickness at each joint (head radius, trunk, limbs), so "resting" means touching.
    private static double DrawnRadius(string joint) => joint switch
    {
        "head" => 6.5,
        "spine" => 5,
        "neck" => 2.2,
        _ when joint.StartsWith("shoulder", StringComparison.Ordinal) || joint.StartsWith("hip", StringComparison.Ordinal) => 5,
        _ when joint.StartsWith("knee", StringComparison.Ordinal) => 3.2,
        _ when joint.StartsWith("ankle", StringComparison.Ordinal) => 2.4,
        _ when joint.StartsWith("elbow", StringComparison.Ordinal) => 2.2,
        _ when joint.StartsWith("wrist", StringComparison.Ordinal) => 1.8,
        _ => 1.6,
    };
}
