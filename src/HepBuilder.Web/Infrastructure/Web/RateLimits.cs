using System.Threading.RateLimiting;
using HepBuilder.Web.Infrastructure.Auth;

namespace HepBuilder.Web.Infrastructure.Web;

public sealed class RateLimitOptions
{
    /// <summary>Sign-in, 2FA and password-reset posts per client address per minute.</summary>
    public int AccountPostsPerMinutePerIp { get; set; } = 20;

    /// <summary>Handout downloads and previews per signed-in user per minute, and per address.</summary>
    public int HandoutsPerMinutePerUser { get; set; } = 120;
    public int HandoutsPerMinutePerIp { get; set; } = 600;

    /// <summary>
    /// Requests to the public patient pages (/p/…) per client address per minute: far above a patient's use, and
    /// with 128-bit tokens it makes guessing hopeless.
    /// </summary>
    public int PatientLinkRequestsPerMinutePerIp { get; set; } = 120;
}

/// <summary>
/// The built-in rate limiter, as one global chained limiter keyed by the request's kind: credential-guessing
/// endpoints by client address, handout generation by user and by address. Rejections answer 429, which the
/// status-code pages turn into a clear "too many requests" page.
/// </summary>
public static class RateLimits
{
    private static readonly string[] AccountPosts =
    [
        "/Identity/Account/Login", "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode",
        "/Identity/Account/ForgotPassword", "/Identity/Account/ResetPassword", "/Account/AcceptInvite",
    ];

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
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Kind(http) switch
                {
                    RequestKind.AccountPost => Window("acct:" + Ip(http), limits.AccountPostsPerMinutePerIp),
                    RequestKind.Handout => Window("pdf-ip:" + Ip(http), limits.HandoutsPerMinutePerIp),
                    RequestKind.PatientLink => Window("plink:" + Ip(http), limits.PatientLinkRequestsPerMinutePerIp),
                    _ => RateLimitPartition.GetNoLimiter(""),
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Kind(http) switch
                {
                    RequestKind.Handout => Window("pdf-user:" + (http.User.UserId() ?? Ip(http)), limits.HandoutsPerMinutePerUser),
                    _ => RateLimitPartition.GetNoLimiter(""),
                }));
        });
    }

    private enum RequestKind { Other, AccountPost, Handout, PatientLink }

    private static RequestKind Kind(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if (HttpMethods.IsPost(http.Request.Method) && AccountPosts.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            return RequestKind.AccountPost;
        if (path.StartsWith("/p/", StringComparison.OrdinalIgnoreCase)) return RequestKind.PatientLink;
        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/preview.png", StringComparison.OrdinalIgnoreCase))
            return RequestKind.Handout;
        return RequestKind.Other;
    }

    private static string Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
