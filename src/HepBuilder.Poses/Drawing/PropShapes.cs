namespace HepBuilder.Poses.Drawing;

/// <summary>
/// Props as simple outlines. Supports (floor, mat, chair, wall, step, ball) sit behind the figure; things
/// held in the hands (band, dowel, weight, towel) are drawn over it.
/// </summary>
internal static class PropShapes
{
    public const double MatThickness = 2.6;
    private const double LineWidth = 1.6;
    private const double ChairBackHeight = 42;
    private const double WallThickness = 4;

    public static bool IsHeld(PropKind kind) =>
        kind is PropKind.Band or PropKind.Dowel or PropKind.Weight or PropKind.Towel;

    public static void Add(List<Shape> shapes, PoseProp prop, double figureCentreX)
    {
        var p = prop.Points;
        switch (prop.Kind)
        {
            case PropKind.Mat when p.Count == 2:
                var (left, right) = (Math.Min(p[0].X, p[1].X), Math.Max(p[0].X, p[1].X));
                shapes.Add(new PolygonShape(
                    [new(left, 0), new(right, 0), new(right, -MatThickness), new(left, -MatThickness)],
                    Palette.Mat,
                    Palette.PropLine,
                    0.8));
                break;
            case PropKind.Chair when p.Count == 2:
                AddChair(shapes, p[0], p[1]);
                break;
            case PropKind.Wall when p.Count == 2:
                // Shade the side of the wall away from the figure so it reads as solid.
                var away = p[0].X < figureCentreX ? -WallThickness : WallThickness;
                shapes.Add(new PolygonShape(
                    [p[0], p[1], p[1] + new PosePoint(away, 0), p[0] + new PosePoint(away, 0)],
                    Palette.PropFill));
                shapes.Add(new StrokeShape([p[0], p[1]], LineWidth * 1.4, Palette.PropLine));
                break;
            case PropKind.Step when p.Count == 2:
                shapes.Add(new PolygonShape(
                    [p[0], p[1], new(p[1].X, 0), new(p[0].X, 0)],
                    Palette.PropFill,
                    Palette.PropLine,
                    LineWidth));
                break;
            case PropKind.Ball when p.Count == 1:
                var r = prop.Size ?? 20;
                shapes.Add(new CircleShape(p[0], r, Palette.PropFill, Palette.PropLine, LineWidth));
                shapes.Add(new StrokeShape(
                    [p[0] + new PosePoint(-r * 0.7, r * 0.7), p[0] + new PosePoint(r * 0.1, r * 0.15), p[0] + new PosePoint(r * 0.7, -r * 0.7)],
                    LineWidth * 0.7,
                    Palette.PropLine,
                    Curved: true));
                break;
            case PropKind.Band when p.Count >= 2:
                shapes.Add(new StrokeShape(p, 1.4, Palette.Band));
                shapes.Add(new CircleShape(p[0], 1.8, Palette.Band));
                break;
            case PropKind.Dowel when p.Count == 2:
                shapes.Add(new StrokeShape(p, 2.2, Palette.Wood));
                break;
            case PropKind.Weight when p.Count == 1:
                AddWeight(shapes, p[0], prop.Size ?? 3.2);
                break;
            case PropKind.Towel when p.Count >= 2:
                shapes.Add(new StrokeShape(p, 2.6, Palette.Towel));
                break;
        }
    }

    public static void AddFloor(List<Shape> shapes, PosePicture picture, Extent content)
    {
        var hasMat = picture.Props.Any(p => p.Kind == PropKind.Mat);
        var y = hasMat ? -MatThickness : 0;
        foreach (var floor in picture.Props.Where(p => p.Kind == PropKind.Floor))
        {
            var (from, to) = floor.Points.Count == 2
                ? (Math.Min(floor.Points[0].X, floor.Points[1].X), Math.Max(floor.Points[0].X, floor.Points[1].X))
                : (content.MinX, content.MaxX);
            shapes.Add(new StrokeShape([new(from, y), new(to, y)], LineWidth, Palette.Floor));
        }
    }

    private static void AddChair(List<Shape> shapes, PosePoint front, PosePoint back)
    {
        var seatY = front.Y;
        var lean = back.X > front.X ? 4 : -4;
        var backTop = new PosePoint(back.X + lean, seatY + ChairBackHeight);
        shapes.Add(new StrokeShape([front, new(front.X, 0)], LineWidth, Palette.PropLine));
        shapes.Add(new StrokeShape([new(back.X, seatY), new(back.X, 0)], LineWidth, Palette.PropLine));
        shapes.Add(new StrokeShape([new(back.X, seatY), backTop], LineWidth * 1.6, Palette.PropLine));
        shapes.Add(new StrokeShape([front, new(back.X, seatY)], LineWidth * 2, Palette.PropLine));
    }

    private static void AddWeight(List<Shape> shapes, PosePoint centre, double size)
    {
        shapes.Add(new CircleShape(centre, size, Palette.Metal, Palette.Halo, 0.8));
        shapes.Add(new CircleShape(centre, size * 0.35, Palette.PropFill));
    }
}
