using System.ComponentModel.DataAnnotations;
using HepBuilder.Clinical.Audit;
using HepBuilder.Clinical.Safety;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.Web.Pages.Admin.Clinic;

/// <summary>The clinic profile printed on handouts, the two safety tiers, paper size and the admin two-factor rule.</summary>
// Generous on purpose: a phone photo of a few MB should get the clear "1 MB or smaller" message from this page, not
// the server's bare refusal. The file is streamed to a temporary file by the framework and never read when too big.
[RequestFormLimits(MultipartBodyLengthLimit = IndexModel.MaxRequestBytes)]
[RequestSizeLimit(IndexModel.MaxRequestBytes)]
public sealed class IndexModel(HepDbContext db, AuditLog audit, SignInManager<ApplicationUser> signIn) : PageModel
{
    public const string ConcurrencyMessage =
        "Another admin changed the clinic profile while you were editing. Your changes were not saved: check the " +
        "current values below and save again.";
    public const string DuplicateNameMessage = "Another clinic already uses this name.";
    public const int MaxRequestBytes = 25 * 1024 * 1024;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool HasLogo { get; private set; }

    /// <summary>The zones this server knows, labelled with their current offset, for the time zone list.</summary>
    public static IReadOnlyList<(string Id, string Label)> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId)
        .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)
        .Select(z => (z.Id, $"{z.Id.Replace('_', ' ')} (UTC{(z.BaseUtcOffset < TimeSpan.Zero ? "-" : "+")}{z.BaseUtcOffset:hh\\:mm})"))
        .ToList();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the clinic's name.")]
        [StringLength(120, ErrorMessage = "The name can be at most 120 characters.")]
        [Display(Name = "Clinic name")]
        public string Name { get; set; } = "";

        [StringLength(40, ErrorMessage = "The phone number can be at most 40 characters.")]
        [Phone(ErrorMessage = "Enter a phone number, like (555) 010-2030.")]
        [Display(Name = "Phone")]
        public string? Phone { get; set; }

        [StringLength(300, ErrorMessage = "The address can be at most 300 characters.")]
        [Display(Name = "Address")]
        public string? Address { get; set; }

        [StringLength(300, ErrorMessage = "The footer can be at most 300 characters.")]
        [Display(Name = "Handout footer")]
        public string? HandoutFooter { get; set; }

        [Display(Name = "Emergency number")]
        public string? EmergencyNumber { get; set; }

        [Display(Name = "Call the emergency number now if… (one sign per line)")]
        public string? EmergencyText { get; set; }

        [Display(Name = "Call us today if… (one sign per line)")]
        public string? CallUsText { get; set; }

        [Display(Name = "Paper size")]
        public PaperSize PaperSize { get; set; }

        [Required(ErrorMessage = "Choose the clinic's time zone.")]
        [StringLength(64)]
        [Display(Name = "Time zone")]
        public string TimeZone { get; set; } = "UTC";

        [Range(Data.Entities.Clinic.MinPatientLinkDays, Data.Entities.Clinic.MaxPatientLinkDays,
            ErrorMessage = "Enter a number of days from 14 to 730 (two weeks to two years).")]
        [Display(Name = "Patient links stay open for (days)")]
        public int PatientLinkDays { get; set; } = Data.Entities.Clinic.DefaultPatientLinkDays;

        [Display(Name = "Require two-factor sign-in for admins")]
        public bool RequireAdminTwoFactor { get; set; }

        [Display(Name = "Require two-factor sign-in for everyone in the clinic")]
        public bool RequireTwoFactorForEveryone { get; set; }

        [Display(Name = "New logo (PNG or JPEG, up to 1 MB)")]
        public IFormFile? Logo { get; set; }

        /// <summary>Set by the "Remove logo" button.</summary>
        public bool RemoveLogo { get; set; }

        /// <summary>The row version (PostgreSQL xmin) the form was loaded from.</summary>
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var clinic = await db.Clinics.SingleOrDefaultAsync(c => c.Id == db.CurrentClinicId, ct);
        if (clinic is null) return NotFound();
        Fill(clinic);
        return Page();
    }

    /// <summary>The current logo, for the preview on this page.</summary>
    public async Task<IActionResult> OnGetLogoAsync(CancellationToken ct)
    {
        var logo = await db.Clinics.AsNoTracking().Where(c => c.Id == db.CurrentClinicId)
            .Select(c => new { c.Logo, c.LogoContentType }).SingleOrDefaultAsync(ct);
        if (logo?.Logo is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-cache";
        return File(logo.Logo, logo.LogoContentType ?? LogoImage.ContentType);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var clinic = await db.Clinics.SingleOrDefaultAsync(c => c.Id == db.CurrentClinicId, ct);
        if (clinic is null) return NotFound();
        HasLogo = clinic.Logo is not null;

        LogoImage.Result? logo = null;
        if (Input.Logo is { } file && !Input.RemoveLogo)
        {
            logo = await LogoImage.ReadAsync(file, ct);
            if (logo.Error is not null) ModelState.AddModelError(Field(nameof(Input.Logo)), logo.Error);
        }
        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Clinics.AnyAsync(c => c.Id != clinic.Id && c.Name.ToLower() == name.ToLower(), ct))
        {
            ModelState.AddModelError(Field(nameof(Input.Name)), DuplicateNameMessage);
        }
        if (!Infrastructure.Tenancy.ClinicDay.IsKnown(Input.TimeZone))
        {
            ModelState.AddModelError(Field(nameof(Input.TimeZone)), "Choose a time zone from the list.");
        }
        foreach (var (field, message) in SafetyDefaults.Problems(Input.EmergencyNumber, Input.EmergencyText, Input.CallUsText))
        {
            ModelState.AddModelError(Field(field), message);
        }
        if (!ModelState.IsValid) return Page();

        var before = Snapshot(clinic);
        // The form's row version, not the one just read: a save based on a stale page must fail.
        db.Entry(clinic).Property<uint>("xmin").OriginalValue = Input.Version;
        clinic.Name = name;
        clinic.Phone = Blank(Input.Phone);
        clinic.Address = Blank(Input.Address);
        clinic.HandoutFooter = Blank(Input.HandoutFooter);
        clinic.EmergencyNumber = Input.EmergencyNumber!.Trim();
        clinic.EmergencyText = string.Join('\n', SafetyDefaults.Lines(Input.EmergencyText));
        clinic.CallUsText = string.Join('\n', SafetyDefaults.Lines(Input.CallUsText));
        clinic.PaperSize = Input.PaperSize;
        clinic.RequireAdminTwoFactor = Input.RequireAdminTwoFactor;
        clinic.RequireTwoFactorForEveryone = Input.RequireTwoFactorForEveryone;
        clinic.TimeZone = Input.TimeZone;
        clinic.PatientLinkDays = Input.PatientLinkDays;
        if (Input.RemoveLogo)
        {
            clinic.Logo = null;
            clinic.LogoContentType = null;
        }
        else if (logo?.Png is { } png)
        {
            clinic.Logo = png;
            clinic.LogoContentType = LogoImage.ContentType;
        }
        var changes = Diff(before, Snapshot(clinic));
        if (changes.Count == 0)
        {
            TempData["Success"] = "Nothing to save: no changes.";
            return RedirectToPage();
        }
        audit.Record(AuditActions.ClinicUpdated, "Clinic", clinic.Id.ToString(), changes);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StalePageAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError(Field(nameof(Input.Name)), DuplicateNameMessage);
            return Page();
        }
        // The zone travels in the sign-in cookie: renew this admin's now; everyone else's renews within 5 minutes.
        if (changes.ContainsKey("TimeZone") && await signIn.UserManager.GetUserAsync(User) is { } me) await signIn.RefreshSignInAsync(me);
        TempData["Success"] = "Clinic profile saved.";
        return RedirectToPage();
    }

    /// <summary>Shows the other admin's values with a message; the next save is then based on them.</summary>
    private async Task<IActionResult> StalePageAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.Clinics.SingleAsync(c => c.Id == db.CurrentClinicId, ct);
        ModelState.Clear();
        Fill(current);
        ModelState.AddModelError(string.Empty, ConcurrencyMessage);
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private void Fill(Data.Entities.Clinic clinic)
    {
        HasLogo = clinic.Logo is not null;
        Input = new InputModel
        {
            Name = clinic.Name, Phone = clinic.Phone, Address = clinic.Address, HandoutFooter = clinic.HandoutFooter,
            EmergencyNumber = clinic.EmergencyNumber, EmergencyText = clinic.EmergencyText, CallUsText = clinic.CallUsText, PaperSize = clinic.PaperSize,
            RequireAdminTwoFactor = clinic.RequireAdminTwoFactor, RequireTwoFactorForEveryone = clinic.RequireTwoFactorForEveryone,
            TimeZone = clinic.TimeZone, PatientLinkDays = clinic.PatientLinkDays, Version = db.Entry(clinic).Property<uint>("xmin").CurrentValue,
        };
    }

    private static Dictionary<string, object?> Snapshot(Data.Entities.Clinic c) => new()
    {
        ["Name"] = c.Name, ["Phone"] = c.Phone, ["Address"] = c.Address, ["HandoutFooter"] = c.HandoutFooter,
        ["EmergencyNumber"] = c.EmergencyNumber, ["EmergencyText"] = c.EmergencyText, ["CallUsText"] = c.CallUsText, ["PaperSize"] = c.PaperSize.ToString(),
        ["RequireAdminTwoFactor"] = c.RequireAdminTwoFactor, ["RequireTwoFactorForEveryone"] = c.RequireTwoFactorForEveryone,
        ["TimeZone"] = c.TimeZone, ["PatientLinkDays"] = c.PatientLinkDays,
        // The audit trail names the logo by size and a short hash, not its bytes.
        ["Logo"] = c.Logo is null ? null : $"{c.Logo.Length} bytes, sha256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(c.Logo))[..12]}",
    };

    private static Dictionary<string, object> Diff(Dictionary<string, object?> before, Dictionary<string, object?> after) =>
        before.Where(kv => !Equals(kv.Value, after[kv.Key]))
            .ToDictionary(kv => kv.Key, kv => (object)new { old = kv.Value, @new = after[kv.Key] });

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Field(string name) => $"{nameof(Input)}.{name}";
}
