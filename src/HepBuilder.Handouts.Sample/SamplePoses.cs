using HepBuilder.Poses;

namespace HepBuilder.Handouts.Sample;

/// <summary>A few hand-drawn poses for tests and for a sample when the seed library has no pictures.</summary>
public static class SamplePoses
{
    private static readonly PoseFrame LyingFrame = new(0, -4, 100, 40);

    public static PosePicture LyingKneesBent { get; } = new()
    {
        NearSide = PoseSide.Left,
        Frame = LyingFrame,
        Props = [new PoseProp { Kind = PropKind.Mat, Points = [new(2, 0), new(96, 0)] }],
        Joints = new PoseJoints
        {
            Head = new(9, 6), Neck = new(17, 5),
            ShoulderLeft = new(20, 4), ShoulderRight = new(20, 4.5),
            ElbowLeft = new(32, 2.5), ElbowRight = new(32, 3),
            WristLeft = new(43, 2.5), WristRight = new(43, 3),
            HipLeft = new(50, 5), HipRight = new(50, 5.5),
            KneeLeft = new(65, 24), KneeRight = new(64, 24),
            AnkleLeft = new(78, 3), AnkleRight = new(77, 3),
            ToeLeft = new(85, 1), ToeRight = new(84, 1),
        },
    };

    public static PosePicture BridgeUp { get; } = new()
    {
        NearSide = PoseSide.Left,
        Frame = LyingFrame,
        Props = [new PoseProp { Kind = PropKind.Mat, Points = [new(2, 0), new(96, 0)] }],
        Arrow = new PoseArrow { Points = [new(50, 10), new(50, 28)] },
        Joints = new PoseJoints
        {
            Head = new(9, 6), Neck = new(17, 5),
            ShoulderLeft = new(20, 4), ShoulderRight = new(20, 4.5),
            ElbowLeft = new(32, 2.5), ElbowRight = new(32, 3),
            WristLeft = new(43, 2.5), WristRight = new(43, 3),
            HipLeft = new(50, 20), HipRight = new(50, 20.5),
            KneeLeft = new(67, 27), KneeRight = new(66, 27),
            AnkleLeft = new(78, 3), AnkleRight = new(77, 3),
            ToeLeft = new(85, 1), ToeRight = new(84, 1),
            Spine = new(35, 13),
        },
    };

    public static PosePicture Standing { get; } = new()
    {
        NearSide = PoseSide.Left,
        Frame = new PoseFrame(10, -4, 80, 100),
        Props = [new PoseProp { Kind = PropKind.Floor }],
        Joints = new PoseJoints
        {
            Head = new(50, 88), Neck = new(50, 80),
            ShoulderLeft = new(50, 77), ShoulderRight = new(49, 77),
            ElbowLeft = new(51, 62), ElbowRight = new(50, 62),
            WristLeft = new(53, 48), WristRight = new(52, 48),
            HipLeft = new(50, 50), HipRight = new(49, 50),
            KneeLeft = new(51, 27), KneeRight = new(50, 27),
            AnkleLeft = new(50, 4), AnkleRight = new(49, 4),
            ToeLeft = new(57, 1), ToeRight = new(56, 1),
        },
    };
}
