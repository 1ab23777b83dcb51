namespace HepBuilder.Poses;

/// <summary>Which side of the body faces the viewer in a side view.</summary>
public enum PoseSide
{
    Left,
    Right,
}

public enum PropKind
{
    /// <summary>The floor line at Y = 0. No points: it spans the picture. Two points: from X to X.</summary>
    Floor,

    /// <summary>An exercise mat lying on the floor; two points give its left and right ends.</summary>
    Mat,

    /// <summary>A chair seen from the side; points are the front and back edges of the seat.</summary>
    Chair,

    /// <summary>A wall; points are its bottom and top.</summary>
    Wall,

    /// <summary>A step or box; points are the two top corners, the box reaches down to the floor.</summary>
    Step,

    /// <summary>An exercise ball; one point is its centre, <see cref="PoseProp.Size"/> its radius.</summary>
    Ball,

    /// <summary>A resistance band along its points; the first point is the anchor.</summary>
    Band,

    /// <summary>A straight dowel or stick between two points.</summary>
    Dowel,

    /// <summary>A hand weight at one point; <see cref="PoseProp.Size"/> is optional.</summary>
    Weight,

    /// <summary>A towel or strap along its points.</summary>
    Towel,
}

/// <summary>A piece of equipment or the surroundings, in the same figure units as the joints.</summary>
public sealed record PoseProp
{
    public PropKind Kind { get; init; }

    // Setters turn null into empty: JSON that leaves a list out (or sets it to null) still reads safely.
    public IReadOnlyList<PosePoint> Points { get; init => field = value ?? []; } = [];

    /// <summary>Radius of a ball, or size of a weight, in figure units.</summary>
    public double? Size { get; init; }
}

/// <summary>
/// An arrow showing the movement: two points draw it straight, three draw it curved through the middle one.
/// </summary>
public sealed record PoseArrow
{
    public IReadOnlyList<PosePoint> Points { get; init => field = value ?? []; } = [];

    /// <summary>Heads at both ends, for a movement that goes back and forth.</summary>
    public bool BothEnds { get; init; }
}

/// <summary>
/// The part of figure space to show. Giving a start and an end picture the same frame keeps the figure the
/// same size in both, so the only thing that changes between them is the movement.
/// </summary>
public sealed record PoseFrame(double X, double Y, double Width, double Height);
