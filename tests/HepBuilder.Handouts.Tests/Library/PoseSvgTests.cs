using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HepBuilder.Poses;

namespace HepBuilder.Handouts.Tests.Library;

public class PoseSvgTests
{
    private static PosePicture Bridge => ShippedLibrary.Exercises.Single(e => e.Key == "bridge").Pictures[1].Pose;

    [Fact]
    public void Every_shipped_picture_renders_as_well_formed_svg_with_an_accessible_title()
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        foreach (var exercise in ShippedLibrary.Exercises)
        {
            foreach (var picture in exercise.Pictures)
            {
                var title = $"{exercise.Name} <{picture.Caption}> & more";
                var root = XDocument.Parse(PoseSvg.Render(picture.Pose, 320, 200, title)).Root!;

                Assert.Equal(svg + "svg", root.Name);
                Assert.Equal("img", (string?)root.Attribute("role"));
                Assert.Equal(title, root.Element(svg + "title")?.Value);
                Assert.NotEmpty(root.Elements(svg + "path"));
            }
        }
    }

    [Fact]
    public void Svg_has_no_script_event_handlers_or_external_references()
    {
        var root = XDocument.Parse(PoseSvg.Render(Bridge, 300, 200, "Bridge")).Root!;
        var all = root.DescendantsAndSelf().ToList();

        Assert.DoesNotContain(all, e => e.Name.LocalName is "script" or "foreignObject" or "image" or "use");
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes()), a =>
            a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name.LocalName == "href");
        Assert.DoesNotContain("url(", root.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_numbers_are_invariant_whatever_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var text = PoseSvg.Render(Bridge, 333, 211, "Bridge");

            var root = XDocument.Parse(text).Root!;
            var numbers = root.Descendants()
                .SelectMany(e => e.Attributes())
                .Where(a => a.Name.LocalName is "d" or "cx" or "cy" or "r" or "stroke-width")
                .SelectMany(a => Regex.Matches(a.Value, @"-?[0-9][0-9.,]*").Select(m => m.Value))
                .ToList();

            Assert.NotEmpty(numbers);
            Assert.All(numbers, n => Assert.DoesNotContain(",", n, StringComparison.Ordinal));
            Assert.All(numbers, n => Assert.True(double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _), n));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Pose_json_round_trips()
    {
        var json = PoseJson.Serialize(Bridge);
        var again = PoseJson.Deserialize(json);

        Assert.Equal(Bridge.Joints, again.Joints);
        Assert.Equal(json, PoseJson.Serialize(again));
    }

    [Fact]
    public void Validation_reports_missing_joints_and_points_out_of_range()
    {
        var broken = Bridge with
        {
            Joints = Bridge.Joints with { KneeLeft = null, Head = new PosePoint(9999, 10) },
        };

        var problems = broken.Validate();

        Assert.Contains(problems, p => p.Contains("kneeLeft", StringComparison.Ordinal) && p.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("head", StringComparison.Ordinal) && p.Contains("outside", StringComparison.Ordinal));
    }

    [Fact]
    public void Misspelt_joint_names_are_rejected_on_import() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => PoseJson.Deserialize("""{"joints":{"kneeLeftt":[1,2]}}"""));

    [Fact]
    public void Minimal_pose_with_only_joints_reads_validates_and_draws()
    {
        const string json = """
            {"joints": {"head": [10, 90], "neck": [10, 80], "shoulderLeft": [10, 76], "shoulderRight": [10, 76],
              "elbowLeft": [10, 60], "elbowRight": [10, 60], "wristLeft": [10, 45], "wristRight": [10, 45],
              "hipLeft": [10, 50], "hipRight": [10, 50], "kneeLeft": [10, 27], "kneeRight": [10, 27],
              "ankleLeft": [10, 4], "ankleRight": [10, 4]},
             "props": [{"kind": "Floor"}], "arrow": null}
            """;

        var picture = PoseJson.Deserialize(json);

        Assert.Empty(picture.Validate());
        Assert.Empty(picture.Props[0].Points);
        Assert.Contains("<circle", PoseSvg.Render(picture, 100, 100), StringComparison.Ordinal);
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(100, 100));
        PoseRenderer.Draw(surface.Canvas, SkiaSharp.SKRect.Create(0, 0, 100, 100), picture);
    }
}
