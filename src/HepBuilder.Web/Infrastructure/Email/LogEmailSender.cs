using Microsoft.AspNetCore.Identity.UI.Services;

namespace HepBuilder.Web.Infrastructure.Email;

/// <summary>
/// Used when no SMTP server is configured: the message (with its link) goes to the log. Admin pages also show
/// invite and reset links once on screen so the admin can pass them on.
/// </summary>
public sealed class LogEmailSender(ILogger<LogEmailSender> logger) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        logger.LogInformation("Email (no SMTP configured) to {Email}: {Subject}\n{Body}", email, subject, htmlMessage);
        return Task.CompletedTask;
    }
}
