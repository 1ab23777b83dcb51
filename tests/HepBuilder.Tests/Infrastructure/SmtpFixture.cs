using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HepBuilder.Tests.Infrastructure;

/// <summary>One email as the SMTP server received it, and whether the session was encrypted (STARTTLS).</summary>
public sealed record ReceivedMail(MimeMessage Message, bool OverTls)
{
    public string To => string.Join(",", Message.To.Mailboxes.Select(m => m.Address));
    public string Html => Message.HtmlBody ?? "";
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, offering STARTTLS with a self-signed
/// certificate the app is told to pin (Smtp:ServerCertificateSha256). Reusable by any test that sends mail:
/// <see cref="Configure"/> gives an app's settings, <see cref="WaitForAsync"/> the message that arrives.
/// </summary>
public sealed class SmtpFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();
    private readonly X509Certificate2 _certificate;

    public int Port { get; }
    public string CertificateSha256 { get; }

    public SmtpFixture()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Re-imported so SslStream on Linux can use its private key.
        _certificate = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);
        CertificateSha256 = Convert.ToHexString(SHA256.HashData(_certificate.RawData));
        Port = LocalPostgres.FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port)).Certificate(_certificate))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>The settings that make an app deliver here.</summary>
    public IEnumerable<KeyValuePair<string, string>> Configure() =>
    [
        new("Smtp:Host", "localhost"), new("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:Security", "StartTls"), new("Smtp:ServerCertificateSha256", CertificateSha256), new("Smtp:From", "hep@test.example"),
    ];

    public IReadOnlyList<ReceivedMail> Received => [.. _store.Messages];

    /// <summary>The first message to <paramref name="to"/>; waits for delivery, which may finish just after the request.</summary>
    public async Task<ReceivedMail> WaitForAsync(string to, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            if (_store.Messages.FirstOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase)) is { } mail) return mail;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No email to {to} arrived; received: {string.Join("; ", _store.Messages.Select(m => m.To))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _certificate.Dispose();
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Messages.Enqueue(new ReceivedMail(message, context.Pipe.IsSecure));
            return SmtpResponse.Ok;
        }
    }
}
