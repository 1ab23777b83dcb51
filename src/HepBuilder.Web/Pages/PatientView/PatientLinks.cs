using HepBuilder.Clinical.Audit;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Pages.PatientView;

/// <summary>A link found by its token, with what the public page needs to decide how to answer.</summary>
public sealed record ResolvedLink(Guid Id, Guid ClinicId, Guid ProgramId, Guid PatientId, string HashPrefix, bool Active,
    string ClinicName, string? ClinicPhone, string ClinicTimeZone);

/// <summary>The clinician's view of a program's link.</summary>
public sealed record LinkStatus(Guid Id, string Url, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Expired, int PeriodDays);

/// <summary>
/// The program links behind the handout's QR code. Tokens are 128 random bits, base64url; only their SHA-256 (for
/// lookup) and a Data Protection copy (so a re-issued handout prints the same code) are stored. Logs and audit rows
/// carry a hash prefix, never the token.
/// </summary>
public sealed class PatientLinks(HepDbContext db, AuditLog audit, TimeProvider clock, IDataProtectionProvider protection,
    PublicOrigin origin, IHttpContextAccessor accessor)
{
    public const string EntityType = "PatientLink";
    private const int TokenBytes = 16;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);

    private IDataProtector Protector => protection.CreateProtector("PatientLink");

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string HashPrefix(string hash) => hash[..10];

    /// <summary>The public URL, from the configured base URL (never the request's host). The version lets an old handout say it is old.</summary>
    public string Url(string token, int? version = null) => origin.Link($"/p/{token}" + (version is { } v ? $"?v={v}" : ""));

    /// <summary>
    /// Issuing: keeps the program's live link (its expiry restarts from now) or creates one. Changes are tracked only;
    /// the issuing transaction saves them with the version. Returns the URL the handout prints for version <paramref name="number"/>.
    /// </summary>
    public async Task<string> EnsureForIssueAsync(Guid programId, Guid patientId, int number, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var link = await db.PatientLinks.SingleOrDefaultAsync(l => l.ProgramId == programId && l.RevokedAt == null, ct);
        var token = link is null ? Create(programId, patientId, out link) : Protector.Unprotect(link.ProtectedToken);
        link.LastIssuedAt = now;
        link.ExpiresAt = now.AddDays(await LinkDaysAsync(ct));
        return Url(token, number);
    }

    /// <summary>The URL a handout of the program would print now (for the draft preview), or null without a live link.</summary>
    public async Task<string?> CurrentUrlAsync(Guid programId, int? number, CancellationToken ct)
    {
        var link = await db.PatientLinks.AsNoTracking().Where(l => l.ProgramId == programId && l.RevokedAt == null)
            .Select(l => l.ProtectedToken).SingleOrDefaultAsync(ct);
        return link is null ? null : Url(Protector.Unprotect(link), number);
    }

    public async Task<LinkStatus?> StatusAsync(Guid programId, CancellationToken ct)
    {
        var link = await db.PatientLinks.AsNoTracking().Where(l => l.ProgramId == programId && l.RevokedAt == null)
            .Select(l => new { l.Id, l.ProtectedToken, l.CreatedAt, l.ExpiresAt, l.LastIssuedAt }).SingleOrDefaultAsync(ct);
        return link is null ? null
            : new LinkStatus(link.Id, Url(Protector.Unprotect(link.ProtectedToken)), link.CreatedAt, link.ExpiresAt,
                link.ExpiresAt <= clock.GetUtcNow(), (int)Math.Round((link.ExpiresAt - link.LastIssuedAt).TotalDays));
    }

    /// <summary>Locks the program's live link: its QR code then says the link is no longer active. False when there is none.</summary>
    public async Task<bool> RevokeAsync(Guid programId, Guid patientId, CancellationToken ct)
    {
        var link = await db.PatientLinks.SingleOrDefaultAsync(l => l.ProgramId == programId && l.RevokedAt == null, ct);
        if (link is null) return false;
        link.RevokedAt = clock.GetUtcNow();
        link.RevokedById = accessor.HttpContext?.User.UserId();
        audit.Record(AuditActions.PatientLinkRevoked, EntityType, link.Id.ToString(), new { program = programId, hash = HashPrefix(link.TokenHash) }, patientId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Archiving a patient locks every live link of their programs: an archived record must not stay reachable from
    /// a handout. Tracked only; the archiving save writes it with the patient's change.
    /// </summary>
    public async Task<int> RevokeAllOfPatientAsync(Guid patientId, CancellationToken ct)
    {
        var live = await db.PatientLinks.Where(l => l.PatientId == patientId && l.RevokedAt == null).ToListAsync(ct);
        foreach (var link in live)
        {
            link.RevokedAt = clock.GetUtcNow();
            link.RevokedById = accessor.HttpContext?.User.UserId();
            audit.Record(AuditActions.PatientLinkRevoked, EntityType, link.Id.ToString(),
                new { program = link.ProgramId, hash = HashPrefix(link.TokenHash), reason = "patient_archived" }, patientId);
        }
        return live.Count;
    }

    /// <summary>A fresh link for a program that has none live (after a revoke); its period starts now.</summary>
    public async Task<bool> CreateOnDemandAsync(Guid programId, Guid patientId, CancellationToken ct)
    {
        if (await db.PatientLinks.AnyAsync(l => l.ProgramId == programId && l.RevokedAt == null, ct)) return false;
        Create(programId, patientId, out var link);
        link.LastIssuedAt = clock.GetUtcNow();
        link.ExpiresAt = link.LastIssuedAt.AddDays(await LinkDaysAsync(ct));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The public lookup: no signed-in user, so the tenant filter is bypassed and every row read is reached through
    /// this link's own ids. A malformed token is never looked up; each answer costs one indexed query at most.
    /// </summary>
    public async Task<ResolvedLink?> ResolveAsync(string? token, CancellationToken ct)
    {
        if (token is null || token.Length != TokenLength || !Base64Url.IsValid(token)) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        return await db.PatientLinks.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.TokenHash == hash)
            .Select(l => new ResolvedLink(l.Id, l.ClinicId, l.ProgramId, l.PatientId, hash.Substring(0, 10),
                l.RevokedAt == null && l.ExpiresAt > now,
                db.Clinics.Where(c => c.Id == l.ClinicId).Select(c => c.Name).Single(),
                db.Clinics.Where(c => c.Id == l.ClinicId).Select(c => c.Phone).Single(),
                db.Clinics.Where(c => c.Id == l.ClinicId).Select(c => c.TimeZone).Single()))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The signed-in clinic's link period (clinic profile), read when a period starts.</summary>
    private Task<int> LinkDaysAsync(CancellationToken ct) =>
        db.Clinics.Where(c => c.Id == db.CurrentClinicId).Select(c => c.PatientLinkDays).SingleAsync(ct);

    private string Create(Guid programId, Guid patientId, out PatientLink link)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        link = new PatientLink
        {
            ClinicId = db.CurrentClinicId, ProgramId = programId, PatientId = patientId,
            TokenHash = Hash(token), ProtectedToken = Protector.Protect(token),
        };
        db.PatientLinks.Add(link);
        audit.Record(AuditActions.PatientLinkCreated, EntityType, link.Id.ToString(), new { program = programId, hash = HashPrefix(link.TokenHash) }, patientId);
        return token;
    }
}
