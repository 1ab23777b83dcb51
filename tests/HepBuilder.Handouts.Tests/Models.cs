using HepBuilder.Handouts.Sample;

namespace HepBuilder.Handouts.Tests;

/// <summary>Handout models for tests, built on the shared sample (hand-written exercises, no database).</summary>
internal static class Models
{
    public static HandoutModel Sample(int exercises = 10, HandoutOptions? options = null) =>
        SampleHandout.Build(SampleHandout.HandMade(exercises), options);

    public static HandoutExercise Exercise(int number, string name, params string[] steps) => new()
    {
        Number = number,
        Name = name,
        Steps = steps.Length > 0 ? steps : ["Do the movement slowly."],
        Dose = "Do 2 sets of 10.",
    };

    public static HandoutModel With(params HandoutExercise[] exercises) => Sample() with { Exercises = exercises };
}
