using System.Globalization;

namespace HepBuilder.Poses;

/// <summary>
/// One drawn exercise picture: a figure as named joints, the props around it, and an optional arrow.
/// Coordinates are figure units (a standing adult is about 95 tall), Y up, floor at Y = 0.
/// </summary>
public sealed record PosePicture
{
    public const double MinCoordinate = -10;
    public const double MaxCoordinate = 250;

    /// <summary>The side nearer the viewer in a side view; null means the figure faces the viewer.</summary>
    public PoseSide? NearSide { get; init; }

    // Setters turn null into empty: JSON that leaves these out (or sets them to null) still reads safely.
    public PoseJoints Joints { get; init => field = value ?? new(); } = new();

    public IReadOnlyList<PoseProp> Props { get; init => field = value ?? []; } = [];

    public PoseArrow? Arrow { get; init; }

    public PoseFrame? Frame { get; init; }

    /// <summary>Problems that would make the picture wrong or undrawable; empty when it is fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (name, point, required) in Joints.Named())
        {
            if (point is { } p)
            {
                CheckPoint(problems, $"Joint '{name}'", p);
            }
            else if (required)
            {
                problems.Add($"Joint '{name}' is missing.");
            }
        }

        CheckBones(problems);
        for (var i = 0; i < Props.Count; i++)
        {
            CheckProp(problems, i, Props[i]);
        }

        if (Arrow is { } arrow)
        {
            if (arrow.Points.Count is < 2 or > 3)
            {
                problems.Add($"The arrow needs 2 or 3 points, not {arrow.Points.Count}.");
            }

            foreach (var p in arrow.Points)
            {
                CheckPoint(problems, "Arrow point", p);
            }
        }

        if (Frame is { } f && (!(f.Width > 0) || !(f.Height > 0) || !double.IsFinite(f.X + f.Y + f.Width + f.Height)))
        {
            problems.Add("The frame needs a finite position and a positive width and height.");
        }

        return problems;
    }

    private void CheckBones(List<string> problems)
    {
        var j = Joints;
        (string Name, PosePoint? A, PosePoint? B)[] bones =
        [
            ("left upper arm", j.ShoulderLeft, j.ElbowLeft), ("left forearm", j.ElbowLeft, j.WristLeft),
            ("right upper arm", j.ShoulderRight, j.ElbowRight), ("right forearm", j.ElbowRight, j.WristRight),
            ("left thigh", j.HipLeft, j.KneeLeft), ("left shin", j.KneeLeft, j.AnkleLeft),
            ("right thigh", j.HipRight, j.KneeRight), ("right shin", j.KneeRight, j.AnkleRight),
            ("neck", j.Neck, j.Head),
        ];
        foreach (var (name, a, b) in bones)
        {
            if (a is { } pa && b is { } pb && (pa - pb).Length < 0.5)
            {
                problems.Add($"The {name} has no length.");
            }
        }
    }

    private static void CheckProp(List<string> problems, int index, PoseProp prop)
    {
        var label = $"Prop {index + 1} ({prop.Kind})";
        if (!Enum.IsDefined(prop.Kind))
        {
            problems.Add($"Prop {index + 1} has an unknown kind.");
            return;
        }

        var count = prop.Points.Count;
        var countOk = prop.Kind switch
        {
            PropKind.Floor => count is 0 or 2,
            PropKind.Ball or PropKind.Weight => count == 1,
            PropKind.Band or PropKind.Towel => count >= 2,
            _ => count == 2,
        };
        if (!countOk)
        {
            problems.Add($"{label} has the wrong number of points ({count}).");
        }

        if (prop.Kind == PropKind.Ball && !(prop.Size > 0))
        {
            problems.Add($"{label} needs a positive size (its radius).");
        }

        if (prop.Size is { } size && !(size > 0 && size < 100))
        {
            problems.Add($"{label} has a size outside 0–100.");
        }

        foreach (var p in prop.Points)
        {
            CheckPoint(problems, label, p);
        }
    }

    private static void CheckPoint(List<string> problems, string label, PosePoint p)
    {
        if (!p.IsFinite || p.X < MinCoordinate || p.X > MaxCoordinate || p.Y < MinCoordinate || p.Y > MaxCoordinate)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{label} at ({p.X:0.##}, {p.Y:0.##}) is outside {MinCoordinate}..{MaxCoordinate}."));
        }
    }
}
