using System.Threading.RateLimiting;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace HepBuilder.Web.Infrastructure.Web;

public sealed class RateLimitOptions
{
    /// <summary>Sign-in, 2FA, password-reset and invite posts per client address per minute.</summary>
    public int AccountPostsPerMinutePerIp { get; set; } = 20;

    /// <summary>Handout downloads and previews per signed-in user per minute.</summary>
    public int HandoutsPerMinutePerUser { get; set; } = 120;

    /// <summary>The builder's live handout thumbnail (a render each time) per signed-in user per minute.</summary>
    public int ThumbnailsPerMinutePerUser { get; set; } = 120;

    /// <summary>
    /// Requests to the public patient pages (/p/…) per client address per minute: far above a patient's use, and
    /// with 128-bit tokens it makes guessing hopeless.
    /// </summary>
    public int PatientLinkRequestsPerMinutePerIp { get; set; } = 120;

    /// <summary>Health checks per client address per minute from callers who are not signed in.</summary>
    public int HealthChecksPerMinutePerIp { get; set; } = 60;
}

/// <summary>
/// Named rate-limit policies, attached to the endpoints themselves ([EnableRateLimiting] on the page, or the
/// conventions below for Identity UI's compiled pages), so no spelling of a URL — a trailing slash, other casing —
/// escapes them. Clients are told apart by the address the trusted proxy reports (see HostingSetup). Rejections
/// answer 429, which the status-code pages turn into a clear "too many requests" page.
/// </summary>
public static class RateLimits
{
    public const string Account = "account";
    public const string Handout = "handout";
    public const string Thumbnail = "builder-thumbnail";
    public const string PatientLink = "patient-link";
    public const string Health = "health";

    /// <summary>Identity UI pages that take a credential, a code or a reset token.</summary>
    private static readonly HashSet<string> IdentityAccountPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/ResetPassword",
    };

    public static void AddHepRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var limits = config.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Reading pages is free; only the posts that try a credential count.
            o.AddPolicy(Account, http => HttpMethods.IsPost(http.Request.Method)
                ? Window("acct:" + Ip(http), limits.AccountPostsPerMinutePerIp) : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Handout, http => Window("pdf:" + (http.User.UserId() ?? Ip(http)), limits.HandoutsPerMinutePerUser));
            // The builder page carries this policy; only its thumbnail handler (a render per call) is counted.
            o.AddPolicy(Thumbnail, http => IsThumbnail(http)
                ? Window("thumb:" + (http.User.UserId() ?? Ip(http)), limits.ThumbnailsPerMinutePerUser) : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(PatientLink, http => Window("plink:" + Ip(http), limits.PatientLinkRequestsPerMinutePerIp));
            o.AddPolicy(Health, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("") : Window("health:" + Ip(http), limits.HealthChecksPerMinutePerIp));
        });
    }

    /// <summary>Puts <see cref="Account"/> on Identity UI's credential pages, which cannot carry our attribute.</summary>
    public sealed class IdentityPagesConvention : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            if (model.AreaName == "Identity" && IdentityAccountPages.Contains(model.ViewEnginePath))
            {
                model.EndpointMetadata.Add(new EnableRateLimitingAttribute(Account));
            }
        }
    }

    // Razor Pages select the handler from the route or the query string, never from the form.
    private static bool IsThumbnail(HttpContext http) =>
        string.Equals(http.Request.Query["handler"], "Thumbnail", StringComparison.OrdinalIgnoreCase)
        || string.Equals(http.GetRouteValue("handler")?.ToString(), "Thumbnail", StringComparison.OrdinalIgnoreCase);

    private static string Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
