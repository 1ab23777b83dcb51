using Microsoft.AspNetCore.Identity.UI.Services;

namespace HepBuilder.Web.Infrastructure.Email;

/// <summary>
/// Used when no SMTP server is configured: nothing is sent, and the log says only that (never the recipient's message,
/// which may hold a password or invite link). Admins see invite and reset links once on screen to pass them on; the
/// public Forgot password page tells people to ask their admin.
/// </summary>
public sealed class NoMailSender(ILogger<NoMailSender> logger) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        logger.LogInformation("Email not sent (no SMTP server configured): {Subject}", subject);
        return Task.CompletedTask;
    }
}
