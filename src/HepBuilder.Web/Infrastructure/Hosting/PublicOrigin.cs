namespace HepBuilder.Web.Infrastructure.Hosting;

/// <summary>
/// The one address users reach the app at (Hep:PublicBaseUrl). Every absolute link — emails, the handout's QR code —
/// is built from it, never from the request's Host header, which a client chooses; host filtering refuses requests
/// for any other host.
/// </summary>
public sealed class PublicOrigin
{
    public const string Setting = "Hep:PublicBaseUrl";

    private readonly string _root;

    private PublicOrigin(Uri uri)
    {
        Uri = uri;
        _root = uri.GetLeftPart(UriPartial.Authority);
    }

    public Uri Uri { get; }

    /// <summary>Served over TLS (directly or by a proxy in front): cookies are then Secure and __Host-, HSTS is on.</summary>
    public bool IsHttps => Uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>The host name requests must carry (host filtering ignores the port).</summary>
    public string Host => Uri.IdnHost;

    /// <summary>The absolute URL of an app path such as "/p/abc" or the result of Url.Page(...).</summary>
    public string Link(string path) => _root + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>The configured origin, or null with the reason it is missing or unusable.</summary>
    public static PublicOrigin? From(IConfiguration config, out string? problem)
    {
        var text = config[Setting];
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "Hep__PublicBaseUrl (the address users open, e.g. https://hep.example.org) is not set";
            return null;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath.TrimEnd('/').Length > 0 || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = $"Hep__PublicBaseUrl must be an http(s) address with no path, like https://hep.example.org (it is '{text}')";
            return null;
        }
        return new PublicOrigin(uri);
    }
}
