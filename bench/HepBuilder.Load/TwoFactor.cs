using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace HepBuilder.Load;

/// <summary>
/// A new clinic requires two-factor sign-in of its admins, so the load run's admin sets up an authenticator on its
/// first page, as a person would: the key from the page, a TOTP code (RFC 6238: HMAC-SHA1, 30 s, 6 digits) from it.
/// </summary>
public static partial class TwoFactor
{
    private const string SetupPage = "/Identity/Account/Manage/EnableAuthenticator";

    /// <summary>Turns it on with the key the page shows (the load database is new every run).</summary>
    public static async Task<bool> SetUpTwoFactorAsync(this Clinician admin)
    {
        if (await admin.PageAsync("two-factor setup page", SetupPage) is not { } page) return false;
        var key = KeyRegex().Match(page);
        if (!key.Success) return false;
        var (location, _) = await admin.SubmitAsync("two-factor setup", SetupPage, ("Input.Code", Code(key.Groups[1].Value)));
        return location is not null;
    }

    public static string Code(string base32Key)
    {
        var secret = FromBase32(base32Key.Replace(" ", "").ToUpperInvariant());
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }

    [GeneratedRegex("class=\"mfa-key\">([^<]+)<")]
    private static partial Regex KeyRegex();
}
