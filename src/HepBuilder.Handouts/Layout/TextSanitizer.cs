using System.Globalization;
using System.Text;

namespace HepBuilder.Handouts.Layout;

/// <summary>
/// Makes user text printable: line breaks become one form, tabs become spaces, and control and format
/// characters (including bidi overrides and variation selectors) are dropped because they have no glyph.
/// </summary>
internal static class TextSanitizer
{
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (c == '\n' || c == ' ')
            {
                sb.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (!Dropped(Rune.GetUnicodeCategory(rune), rune.Value))
                {
                    sb.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else if (c is '\u00A0' or '\u2007' or '\u202F' or '\u2028' or '\u2029')
            {
                sb.Append(c is '\u2028' or '\u2029' ? '\n' : ' ');
            }
            else if (!Dropped(char.GetUnicodeCategory(c), c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' ? c != '\n' : c >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Dropped(UnicodeCategory category, int value) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse
        || value is >= 0xFE00 and <= 0xFE0F
        || value is >= 0xE0100 and <= 0xE01EF
        || value is >= 0xE0000 and <= 0xE007F;
}
