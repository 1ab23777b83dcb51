using System.Security.Cryptography;
using HepBuilder.Handouts.Document;
using HepBuilder.Handouts.Fonts;
using HepBuilder.Handouts.Layout;
using HepBuilder.Poses;

namespace HepBuilder.Handouts;

/// <summary>
/// The public entry point: a <see cref="HandoutModel"/> in, PDF (or a page-1 PNG preview) out.
/// Stateless and thread-safe; the same model always gives the same bytes.
/// </summary>
public static class HandoutRenderer
{
    public static byte[] RenderPdf(HandoutModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return DocumentRenderer.GeneratePdf(new HandoutDocument(model));
    }

    /// <summary>Page 1 drawn onto a raster canvas, <paramref name="widthPx"/> wide (a live thumbnail).</summary>
    public static byte[] RenderPreviewPng(HandoutModel model, int widthPx)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthPx, 4000);
        return DocumentRenderer.GeneratePng(new HandoutDocument(model), 1, widthPx);
    }

    /// <summary>Lowercase hex SHA-256 of the bytes: stored with an issued handout to prove a reprint is identical.</summary>
    public static string Sha256Hex(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// Loads fonts and runs the whole pipeline once on a small handout, so the first real request
    /// does not pay for font parsing, native library loading and JIT. Call at start-up.
    /// </summary>
    public static void Warm()
    {
        FontLibrary.Warm();
        _ = RenderPdf(WarmUpModel);
        _ = RenderPdf(WarmUpModel with { Options = new HandoutOptions { LargePrint = true, Paper = PaperSize.A4 } });
        _ = RenderPreviewPng(WarmUpModel, 200);
    }

    // A plain standing figure: enough to run the pose drawing code once.
    private static PosePicture WarmUpPose { get; } = new()
    {
        Joints = new PoseJoints
        {
            Head = new(50, 88), Neck = new(50, 80), ShoulderLeft = new(44, 77), ShoulderRight = new(56, 77),
            ElbowLeft = new(42, 62), ElbowRight = new(58, 62), WristLeft = new(41, 48), WristRight = new(59, 48),
            HipLeft = new(46, 50), HipRight = new(54, 50), KneeLeft = new(46, 27), KneeRight = new(54, 27),
            AnkleLeft = new(46, 4), AnkleRight = new(54, 4),
        },
    };

    private static HandoutModel WarmUpModel { get; } = new()
    {
        Clinic = new HandoutClinic
        {
            Name = "Clinic", Phone = "555-0100", EmergencyNumber = "911", EmergencySigns = ["Chest pain"], CallUsSigns = ["A fever"],
        },
        Precautions = ["Do not twist your body."],
        PatientName = "Patient",
        IssuedOn = new DateOnly(2026, 1, 1),
        Clinician = new HandoutClinician("Clinician", "PT"),
        Version = 1,
        ProgramTitle = "Warm-up",
        QrUrl = "https://example.org/p/1",
        Exercises =
        [
            new HandoutExercise
            {
                Number = 1,
                Name = "Walking",
                Pictures = [HandoutPicture.Drawn(WarmUpPose, "Start")],
                Steps = ["Walk at an easy pace."],
                Dose = "Do it for 10 minutes. Do this twice a day, every day.",
                SessionsPerDay = 2,
                ClinicianNote = "Note.",
                Precautions = ["Stop if it hurts."],
                Cues = ["Breathe."],
            },
        ],
    };
}
