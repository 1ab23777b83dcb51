namespace HepBuilder.Poses.Drawing;

/// <summary>The movement arrow: a calm accent-coloured line, straight or curved, with filled heads.</summary>
internal static class ArrowShapes
{
    private const double Width = 1.8;
    private const double HeadLength = 5.5;
    private const double HeadHalfWidth = 3.2;

    public static void Add(List<Shape> shapes, PoseArrow arrow)
    {
        var p = arrow.Points;
        if (p.Count is < 2 or > 3)
        {
            return;
        }

        var curved = p.Count == 3;

        // Tangents at the ends: towards the control point for a curve, along the line otherwise.
        var control = curved ? Curves.ControlThrough(p[0], p[1], p[2]) : p[0];
        var endFrom = curved ? control : p[0];
        var startFrom = curved ? control : p[^1];

        var points = p.ToList();
        points[^1] = Shorten(endFrom, p[^1]);
        if (arrow.BothEnds)
        {
            points[0] = Shorten(startFrom, p[0]);
        }

        shapes.Add(new StrokeShape(curved ? [points[0], p[1], points[2]] : [points[0], points[1]], Width, Palette.Arrow, curved));
        shapes.Add(Head(endFrom, p[^1]));
        if (arrow.BothEnds)
        {
            shapes.Add(Head(startFrom, p[0]));
        }
    }

    /// <summary>Pulls the line end back inside the head so the round cap does not poke through the tip.</summary>
    private static PosePoint Shorten(PosePoint from, PosePoint tip)
    {
        var d = tip - from;
        var length = d.Length;
        return length < 1e-6 ? tip : tip - (d * (HeadLength * 0.6 / length));
    }

    private static PolygonShape Head(PosePoint from, PosePoint tip)
    {
        var d = tip - from;
        var length = d.Length;
        var u = length < 1e-6 ? new PosePoint(1, 0) : d * (1 / length);
        var normal = new PosePoint(-u.Y, u.X);
        var baseCentre = tip - (u * HeadLength);
        return new PolygonShape(
            [tip, baseCentre + (normal * HeadHalfWidth), baseCentre - (normal * HeadHalfWidth)],
            Palette.Arrow,
            Palette.Arrow,
            0.6);
    }
}
