namespace HepBuilder.Poses.Drawing;

/// <summary>A picture turned into ordered primitives plus the part of figure space to show.</summary>
internal sealed record PoseScene(IReadOnlyList<Shape> Shapes, Extent Extent)
{
    private const double Margin = 4;

    public static PoseScene Build(PosePicture picture)
    {
        var shapes = new List<Shape>();
        var centreX = FigureCentreX(picture.Joints);

        foreach (var prop in picture.Props.Where(p => p.Kind != PropKind.Floor && !PropShapes.IsHeld(p.Kind)))
        {
            PropShapes.Add(shapes, prop, centreX);
        }

        FigureShapes.AddFarSide(shapes, picture);
        FigureShapes.AddTrunkAndHead(shapes, picture);
        FigureShapes.AddNearSide(shapes, picture);

        foreach (var prop in picture.Props.Where(p => PropShapes.IsHeld(p.Kind)))
        {
            PropShapes.Add(shapes, prop, centreX);
        }

        if (picture.Arrow is { } arrow)
        {
            ArrowShapes.Add(shapes, arrow);
        }

        // With a frame the floor runs edge to edge; without one it runs just past the figure and props.
        Extent? frame = picture.Frame is { Width: > 0, Height: > 0 } f
            ? new Extent(f.X, f.Y, f.X + f.Width, f.Y + f.Height)
            : null;
        var floor = new List<Shape>();
        PropShapes.AddFloor(floor, picture, frame ?? Extent.Of(shapes).Inflate(Margin));
        shapes.InsertRange(0, floor);

        return new PoseScene(shapes, frame ?? Extent.Of(shapes).Inflate(Margin / 2));
    }

    private static double FigureCentreX(PoseJoints joints)
    {
        var xs = joints.Named().Where(n => n.Point is not null).Select(n => n.Point!.Value.X).ToList();
        return xs.Count == 0 ? 0 : xs.Average();
    }
}
