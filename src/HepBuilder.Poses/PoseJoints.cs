namespace HepBuilder.Poses;

/// <summary>
/// The named joints of the figure. The fourteen body joints are required; <see cref="Spine"/> and the
/// toes are optional refinements (a curved back, the direction of each foot).
/// </summary>
public sealed record PoseJoints
{
    /// <summary>Centre of the head.</summary>
    public PosePoint? Head { get; init; }

    /// <summary>Base of the neck, at the top of the trunk.</summary>
    public PosePoint? Neck { get; init; }

    public PosePoint? ShoulderLeft { get; init; }
    public PosePoint? ShoulderRight { get; init; }
    public PosePoint? ElbowLeft { get; init; }
    public PosePoint? ElbowRight { get; init; }
    public PosePoint? WristLeft { get; init; }
    public PosePoint? WristRight { get; init; }
    public PosePoint? HipLeft { get; init; }
    public PosePoint? HipRight { get; init; }
    public PosePoint? KneeLeft { get; init; }
    public PosePoint? KneeRight { get; init; }
    public PosePoint? AnkleLeft { get; init; }
    public PosePoint? AnkleRight { get; init; }

    /// <summary>Optional point midway down the back; when present the trunk is drawn curved through it.</summary>
    public PosePoint? Spine { get; init; }

    /// <summary>Optional tip of the left foot; without it the foot is not drawn.</summary>
    public PosePoint? ToeLeft { get; init; }

    /// <summary>Optional tip of the right foot; without it the foot is not drawn.</summary>
    public PosePoint? ToeRight { get; init; }

    /// <summary>Every joint with its JSON name, so validation messages match what an author typed.</summary>
    public IEnumerable<(string Name, PosePoint? Point, bool Required)> Named()
    {
        yield return ("head", Head, true);
        yield return ("neck", Neck, true);
        yield return ("shoulderLeft", ShoulderLeft, true);
        yield return ("shoulderRight", ShoulderRight, true);
        yield return ("elbowLeft", ElbowLeft, true);
        yield return ("elbowRight", ElbowRight, true);
        yield return ("wristLeft", WristLeft, true);
        yield return ("wristRight", WristRight, true);
        yield return ("hipLeft", HipLeft, true);
        yield return ("hipRight", HipRight, true);
        yield return ("kneeLeft", KneeLeft, true);
        yield return ("kneeRight", KneeRight, true);
        yield return ("ankleLeft", AnkleLeft, true);
        yield return ("ankleRight", AnkleRight, true);
        yield return ("spine", Spine, false);
        yield return ("toeLeft", ToeLeft, false);
        yield return ("toeRight", ToeRight, false);
    }
}
