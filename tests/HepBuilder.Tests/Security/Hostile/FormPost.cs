using System.Net.Http.Headers;
using System.Text;

namespace HepBuilder.Tests.Security.Hostile;

/// <summary>
/// Builds the body of a form post from raw bytes, so values that are not valid UTF-8 reach the server exactly as
/// written: URL-encoded byte by byte, or as multipart parts holding the bytes.
/// </summary>
public static class FormPost
{
    public static HttpContent Body(IEnumerable<KeyValuePair<string, byte[]>> fields, bool multipart)
    {
        if (multipart)
        {
            var content = new MultipartFormDataContent("hostile-boundary-" + Guid.NewGuid().ToString("N"));
            foreach (var (name, value) in fields)
            {
                var part = new ByteArrayContent(value);
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted(name) };
                content.Add(part);
            }
            return content;
        }
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            if (body.Length > 0) body.Append('&');
            Encode(body, Encoding.UTF8.GetBytes(name));
            body.Append('=');
            Encode(body, value);
        }
        var urlEncoded = new ByteArrayContent(Encoding.ASCII.GetBytes(body.ToString()));
        urlEncoded.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return urlEncoded;
    }

    /// <summary>
    /// The fields of <paramref name="baseline"/> with <paramref name="target"/> changed as the hostile value says:
    /// replaced, left out, or sent twice in either order.
    /// </summary>
    public static List<KeyValuePair<string, byte[]>> With(IReadOnlyList<KeyValuePair<string, string?>> baseline, string target, HostileValue value)
    {
        var fields = new List<KeyValuePair<string, byte[]>>();
        var done = false;
        foreach (var (name, text) in baseline)
        {
            if (name != target)
            {
                if (text is not null) fields.Add(new(name, Encoding.UTF8.GetBytes(text)));
                continue;
            }
            if (done) continue; // every other control of that name (a checkbox's hidden "false") goes with the first
            done = true;
            AddTarget(fields, name, text is null ? null : Encoding.UTF8.GetBytes(text), value);
        }
        if (!done) AddTarget(fields, target, null, value);
        return fields;
    }

    private static void AddTarget(List<KeyValuePair<string, byte[]>> fields, string name, byte[]? valid, HostileValue value)
    {
        switch (value.Mode)
        {
            case HostileMode.Replace:
                fields.Add(new(name, value.Bytes));
                break;
            case HostileMode.Missing:
                break;
            case HostileMode.DuplicateAfter:
                if (valid is not null) fields.Add(new(name, valid));
                fields.Add(new(name, value.Bytes));
                break;
            case HostileMode.DuplicateBefore:
                fields.Add(new(name, value.Bytes));
                if (valid is not null) fields.Add(new(name, valid));
                break;
        }
    }

    private static string Quoted(string name) => "\"" + name.Replace("\"", "%22") + "\"";

    private static void Encode(StringBuilder sb, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2"));
            }
        }
    }
}
