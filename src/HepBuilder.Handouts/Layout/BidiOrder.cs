using System.Globalization;
using System.Text;
using Word = HepBuilder.Handouts.Layout.TextLayout.Word;

namespace HepBuilder.Handouts.Layout;

/// <summary>
/// Word-level bidirectional ordering, enough for a patient's name or a note in Hebrew or Arabic amid
/// English: a paragraph takes the direction of its first letter; a word without letters (a number, a
/// dash) takes the direction of the words around it when they agree and the paragraph's otherwise; runs
/// against the paragraph's direction keep their own order inside it.
/// </summary>
internal static class BidiOrder
{
    public static void SetParagraphDirections(List<Word> words)
    {
        var start = 0;
        while (start < words.Count)
        {
            var end = start + 1;
            while (end < words.Count && !words[end].BreakBefore)
            {
                end++;
            }

            var rtl = false;
            for (var i = start; i < end; i++)
            {
                if (words[i].Strong)
                {
                    rtl = words[i].Rtl;
                    break;
                }
            }

            for (var i = start; i < end; i++)
            {
                words[i].ParagraphRtl = rtl;
            }

            start = end;
        }
    }

    /// <summary>The line's words left to right, each with the gap to put before it.</summary>
    public static List<(Word Word, float Gap)> Visual(List<Word> words, bool paragraphRtl)
    {
        var rtl = Resolve(words, paragraphRtl);
        var order = Enumerable.Range(0, words.Count).ToList();
        if (paragraphRtl)
        {
            order.Reverse();
        }

        // Reverse each maximal run that reads against the paragraph.
        for (var start = 0; start < order.Count; start++)
        {
            if (rtl[order[start]] == paragraphRtl)
            {
                continue;
            }

            var end = start;
            while (end + 1 < order.Count && rtl[order[end + 1]] != paragraphRtl)
            {
                end++;
            }

            order.Reverse(start, end - start + 1);
            start = end;
        }

        var visual = new List<(Word, float)>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            // The space between two neighbours is the one typed before the later of them.
            var gap = i == 0 ? 0 : words[Math.Max(order[i - 1], order[i])].SpaceBefore;
            visual.Add((words[order[i]], gap));
        }

        return visual;
    }

    /// <summary>
    /// The pieces of a right-to-left word in visual order. Shaped pieces are already visual; a piece of
    /// plain punctuation is mirrored in order; digits and latin letters inside keep their own order.
    /// </summary>
    public static IEnumerable<Piece> Reversed(List<Piece> pieces)
    {
        for (var i = pieces.Count - 1; i >= 0; i--)
        {
            var p = pieces[i];
            if (p.Shaped is not null || p.Text.EnumerateRunes().Any(Rune.IsLetterOrDigit))
            {
                yield return p;
                continue;
            }

            var elements = new List<string>();
            var e = StringInfo.GetTextElementEnumerator(p.Text);
            while (e.MoveNext())
            {
                elements.Add(e.GetTextElement());
            }

            elements.Reverse();
            yield return p with { Text = string.Concat(elements) };
        }
    }

    private static bool[] Resolve(List<Word> words, bool paragraphRtl)
    {
        var rtl = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Strong)
            {
                rtl[i] = words[i].Rtl;
                continue;
            }

            var before = Nearest(words, i, -1) ?? paragraphRtl;
            var after = Nearest(words, i, 1) ?? paragraphRtl;
            rtl[i] = before == after ? before : paragraphRtl;
        }

        return rtl;
    }

    private static bool? Nearest(List<Word> words, int from, int step)
    {
        for (var i = from + step; i >= 0 && i < words.Count; i += step)
        {
            if (words[i].Strong)
            {
                return words[i].Rtl;
            }
        }

        return null;
    }
}
