using System.Security.Cryptography;
using System.Text;

namespace HepBuilder.SearchBench.Dataset;

/// <summary>The words the generated clinical rows are made of, and the one stored handout every generated version shares.</summary>
internal static class ClinicalText
{
    public static readonly string[] Diagnoses =
    [
        "L4-L5 microdiscectomy", "L5-S1 fusion", "Lumbar strain", "Cervical radiculopathy", "Lumbar spinal stenosis",
        "Spondylolisthesis L4-L5", "Degenerative disc disease", "Sciatica", "Thoracic strain", "ACDF C5-C6",
        "Chronic low back pain", "SI joint dysfunction", "Lumbar laminectomy", "Compression fracture T12",
    ];

    public static readonly string[] ProgramTitles =
    [
        "Lumbar stabilization", "Post-op week 2", "Core strengthening", "Sciatica relief", "Neck and posture", "Hip mobility",
        "Return to walking", "Back pain flare plan", "Post-fusion phase 1", "Post-fusion phase 2", "Home program", "Desk worker routine",
    ];

    public static readonly string?[] Instructions =
    [
        null, null, "Do these once a day, slowly. Stop if pain spreads down your leg.",
        "Warm up with a 5 minute walk first.", "Do the first three in the morning and the rest in the evening.",
        "Ice for 10 minutes afterwards if you are sore.",
    ];

    public static readonly string[] Notes = ["Go slowly at first.", "Use the red band.", "Only to the point of a gentle stretch.", "Keep it pain free."];

    public static readonly string[] Loads = ["red band", "green band", "2 lb", "5 lb"];

    /// <summary>Precaution kinds as stored; "NoLifting" carries a weight, "Custom" a text.</summary>
    public static readonly string[] PrecautionKinds = ["NoLumbarFlexion", "NoLumbarExtension", "NoTwisting", "NoLifting", "NoImpact", "NoEndRange", "Custom"];

    public static readonly string[] CustomPrecautions = ["No running for 6 weeks", "No driving until cleared", "Brace on when upright"];

    /// <summary>
    /// A small valid one-page PDF stored on every generated issued version (the column holds one PDF per version and
    /// 430,000 real 110 KB handouts would be 47 GB). Its SHA-256 is stored with it, as the app stores a real one's.
    /// The handout download benchmark serves real handouts issued through the app on this dataset.
    /// </summary>
    public static byte[] PlaceholderPdf()
    {
        var stream = "BT /F1 14 Tf 72 720 Td (Generated benchmark handout: issued through the dataset generator.) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
