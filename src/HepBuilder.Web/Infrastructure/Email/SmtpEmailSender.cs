using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HepBuilder.Web.Infrastructure.Email;

public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@hepbuilder.local";

    /// <summary>
    /// For a relay with a self-signed certificate: the SHA-256 (hex) of that exact certificate, accepted instead of
    /// a chain to a trusted root. Any other certificate is still refused.
    /// </summary>
    public string? ServerCertificateSha256 { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Real delivery through MailKit, always over TLS, enabled by setting Smtp:Host (e.g. env Smtp__Host).</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlMessage }.ToMessageBody();

        using var client = new SmtpClient { Timeout = 15_000 };
        if (!string.IsNullOrWhiteSpace(o.ServerCertificateSha256))
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()))
                    .Equals(o.ServerCertificateSha256.Replace(":", ""), StringComparison.OrdinalIgnoreCase));
        }
        await client.ConnectAsync(o.Host!, o.Port, o.Security == SmtpSecurity.Tls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "");
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
