using System.Text.Encodings.Web;
using System.Text.Json;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Email;
using HepBuilder.Web.Infrastructure.Hosting;
using HepBuilder.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HepBuilder.Web.Pages.Admin.Users;

/// <summary>Names used in the audit trail for account changes, so the list page can find a user's last change.</summary>
public static class UserAudit
{
    public const string EntityType = "User";

    /// <summary>One changed value, written as {"old": …, "new": …} in the audit details.</summary>
    public static object Change(object? old, object? @new) => new { old, @new };
}

/// <summary>An invite or password link to show the admin once (it travels in TempData to the next page view only).</summary>
public sealed record OnceLink(string Email, string Url, string Title, string Explanation)
{
    private const string Key = "Admin.OnceLink";

    public void Put(ITempDataDictionary tempData) => tempData[Key] = JsonSerializer.Serialize(this);

    public static OnceLink? Take(ITempDataDictionary tempData) =>
        tempData[Key] is string json ? JsonSerializer.Deserialize<OnceLink>(json) : null;
}

/// <summary>
/// Creates the link an invited (or locked-out) person follows to choose a password, and emails it; and tells a person
/// when an admin changed their sign-in. Links come from the configured public base URL and stop working once a
/// password is set; an invitation lasts 3 days, a password link 1 hour.
/// </summary>
public sealed class UserAccountLinks(UserManager<ApplicationUser> users, IEmailSender email, PublicOrigin origin,
    ILogger<UserAccountLinks> logger)
{
    public async Task<OnceLink> InviteAsync(ApplicationUser user, string clinicName)
    {
        var link = await AcceptInviteModel.CreateLinkAsync(users, user, origin, invite: true);
        var delivery = await SendAsync(user, $"You are invited to {clinicName} on HepBuilder",
            $"<p>Hello {Html(user.FullName)},</p><p>You have been given an account at {Html(clinicName)} on HepBuilder. " +
            $"Choose your password here (the link works for 3 days):</p><p><a href=\"{Html(link)}\">{Html(link)}</a></p>");
        return new OnceLink(user.Email!, link, "Invitation created", Explain(delivery, "the new user"));
    }

    public async Task<OnceLink> PasswordResetAsync(ApplicationUser user)
    {
        var link = await AcceptInviteModel.CreateLinkAsync(users, user, origin, invite: false);
        var delivery = await SendAsync(user, "Set a new HepBuilder password",
            $"<p>Hello {Html(user.FullName)},</p><p>Your clinic administrator sent you a link to choose a new password " +
            $"(it works for 1 hour):</p><p><a href=\"{Html(link)}\">{Html(link)}</a></p>");
        return new OnceLink(user.Email!, link, "Password link created",
            Explain(delivery, "the user") + " Their current password keeps working until they use the link. It works for 1 hour.");
    }

    /// <summary>The public Forgot password page's email (only ever sent when a mail server is configured).</summary>
    public async Task ForgotPasswordAsync(ApplicationUser user)
    {
        var link = await AcceptInviteModel.CreateLinkAsync(users, user, origin, invite: false);
        await SendAsync(user, "Reset your HepBuilder password",
            $"<p>Hello {Html(user.FullName)},</p><p>Someone asked to reset the password of your HepBuilder account. If it was you, " +
            $"choose a new password here (the link works for 1 hour):</p><p><a href=\"{Html(link)}\">{Html(link)}</a></p>" +
            "<p>If it was not you, ignore this email: your password has not changed.</p>");
    }

    /// <summary>An admin turned the person's two-factor sign-in off: they should know, in case it was not asked for.</summary>
    public async Task<bool> TwoFactorResetNoticeAsync(ApplicationUser user, string adminName) =>
        await SendAsync(user, "Your HepBuilder two-factor sign-in was reset",
            $"<p>Hello {Html(user.FullName)},</p><p>{Html(adminName)}, an administrator of your clinic, reset the two-factor " +
            "sign-in of your HepBuilder account and signed it out on every device. Sign in with your password and set up " +
            "your authenticator app again.</p><p>If you did not ask for this, tell your clinic straight away.</p>") == Delivery.Sent;

    private enum Delivery { Sent, NoMailServer, Failed }

    private async Task<Delivery> SendAsync(ApplicationUser user, string subject, string html)
    {
        try
        {
            await email.SendEmailAsync(user.Email!, subject, html);
            // Without SMTP settings the message only goes to the server log; the admin must pass the link on.
            return email is NoMailSender ? Delivery.NoMailServer : Delivery.Sent;
        }
        catch (Exception e)
        {
            // The admin still sees the link on screen, so a mail outage must not lose the invitation.
            logger.LogWarning(e, "Could not email user {UserId} ({Subject})", user.Id, subject);
            return Delivery.Failed;
        }
    }

    private static string Explain(Delivery delivery, string who) => delivery switch
    {
        Delivery.Sent => $"We emailed this link to {who}. You can also copy it and pass it on yourself.",
        Delivery.NoMailServer => $"No mail server is set up for HepBuilder, so no email was sent. Copy this link and pass it on to {who} yourself.",
        _ => $"The email to {who} could not be sent. Copy this link and pass it on yourself.",
    };

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
