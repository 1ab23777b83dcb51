namespace HepBuilder.Poses.Drawing;

/// <summary>
/// The human figure as thick round-capped strokes. In a side view the far limbs are drawn first, lighter
/// and thinner, so the eye reads depth; near limbs get a thin white halo so they stay visible where they
/// cross the trunk.
/// </summary>
internal static class FigureShapes
{
    public const double HeadRadius = 6.5;
    private const double TrunkWidth = 10;
    private const double NeckWidth = 4.4;
    private const double UpperArmWidth = 4.4;
    private const double ForearmWidth = 3.6;
    private const double ThighWidth = 6.4;
    private const double ShinWidth = 4.8;
    private const double FootWidth = 3.2;
    private const double FarScale = 0.88;
    private const double HaloWidth = 1.3;

    public static void AddFarSide(List<Shape> shapes, PosePicture picture)
    {
        if (picture.NearSide is not { } near)
        {
            return;
        }

        var far = near == PoseSide.Left ? PoseSide.Right : PoseSide.Left;
        AddLeg(shapes, picture.Joints, far, Palette.FarLimb, FarScale, halo: false);
        AddArm(shapes, picture.Joints, far, Palette.FarLimb, FarScale, halo: false);
    }

    public static void AddTrunkAndHead(List<Shape> shapes, PosePicture picture)
    {
        var j = picture.Joints;
        var shoulders = Mid(j.ShoulderLeft, j.ShoulderRight);
        var pelvis = Mid(j.HipLeft, j.HipRight);

        if (picture.NearSide is null && j is { ShoulderLeft: { } sl, ShoulderRight: { } sr, HipLeft: { } hl, HipRight: { } hr })
        {
            // Facing the viewer the trunk has breadth: a rounded quadrilateral between shoulders and hips.
            shapes.Add(new PolygonShape([sl, sr, hr, hl], Palette.Body, Palette.Body, TrunkWidth * 0.7));
        }

        if (shoulders is { } top && pelvis is { } bottom)
        {
            shapes.Add(j.Spine is { } spine
                ? new StrokeShape([top, spine, bottom], TrunkWidth, Palette.Body, Curved: true)
                : new StrokeShape([top, bottom], TrunkWidth, Palette.Body));
        }

        if (j is { Neck: { } neck, Head: { } head })
        {
            shapes.Add(new StrokeShape([shoulders ?? neck, neck, head], NeckWidth, Palette.Body));
            shapes.Add(new CircleShape(head, HeadRadius + HaloWidth, Palette.Halo));
            shapes.Add(new CircleShape(head, HeadRadius, Palette.Body));
        }
    }

    public static void AddNearSide(List<Shape> shapes, PosePicture picture)
    {
        if (picture.NearSide is { } near)
        {
            AddLeg(shapes, picture.Joints, near, Palette.NearLimb, 1, halo: true);
            AddArm(shapes, picture.Joints, near, Palette.NearLimb, 1, halo: true);
            return;
        }

        foreach (var side in new[] { PoseSide.Left, PoseSide.Right })
        {
            AddLeg(shapes, picture.Joints, side, Palette.NearLimb, 1, halo: true);
        }

        foreach (var side in new[] { PoseSide.Left, PoseSide.Right })
        {
            AddArm(shapes, picture.Joints, side, Palette.NearLimb, 1, halo: true);
        }
    }

    private static void AddLeg(List<Shape> shapes, PoseJoints j, PoseSide side, PoseColor color, double scale, bool halo)
    {
        var left = side == PoseSide.Left;
        AddLimb(
            shapes,
            [
                (left ? j.HipLeft : j.HipRight, left ? j.KneeLeft : j.KneeRight, ThighWidth * scale),
                (left ? j.KneeLeft : j.KneeRight, left ? j.AnkleLeft : j.AnkleRight, ShinWidth * scale),
                (left ? j.AnkleLeft : j.AnkleRight, left ? j.ToeLeft : j.ToeRight, FootWidth * scale),
            ],
            color,
            halo);
    }

    private static void AddArm(List<Shape> shapes, PoseJoints j, PoseSide side, PoseColor color, double scale, bool halo)
    {
        var left = side == PoseSide.Left;
        AddLimb(
            shapes,
            [
                (left ? j.ShoulderLeft : j.ShoulderRight, left ? j.ElbowLeft : j.ElbowRight, UpperArmWidth * scale),
                (left ? j.ElbowLeft : j.ElbowRight, left ? j.WristLeft : j.WristRight, ForearmWidth * scale),
            ],
            color,
            halo);
    }

    private static void AddLimb(
        List<Shape> shapes,
        (PosePoint? From, PosePoint? To, double Width)[] segments,
        PoseColor color,
        bool halo)
    {
        var present = segments
            .Where(s => s.From is not null && s.To is not null)
            .Select(s => (From: s.From!.Value, To: s.To!.Value, s.Width))
            .ToList();

        // All halos first, then all colour, so a halo never cuts across the limb's own joint.
        if (halo)
        {
            shapes.AddRange(present.Select(s => new StrokeShape([s.From, s.To], s.Width + (2 * HaloWidth), Palette.Halo)));
        }

        shapes.AddRange(present.Select(s => new StrokeShape([s.From, s.To], s.Width, color)));
    }

    private static PosePoint? Mid(PosePoint? a, PosePoint? b) => (a, b) switch
    {
        ({ } pa, { } pb) => PosePoint.Midpoint(pa, pb),
        ({ } pa, null) => pa,
        (null, { } pb) => pb,
        _ => null,
    };
}
