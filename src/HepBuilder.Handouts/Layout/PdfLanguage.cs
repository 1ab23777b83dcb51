namespace HepBuilder.Handouts.Layout;

internal static class PdfLanguage
{
    public static byte[] Set(byte[] pdf, string language) => pdf;
}
