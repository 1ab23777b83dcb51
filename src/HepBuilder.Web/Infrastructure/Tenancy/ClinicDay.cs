using System.Security.Claims;

namespace HepBuilder.Web.Infrastructure.Tenancy;

/// <summary>
/// Dates as the clinic lives them. "Today", the day a patient's entry belongs to and the date printed on a handout
/// follow the clinic's time zone: at 6 pm in Los Angeles it is already tomorrow in UTC.
/// </summary>
public static class ClinicDay
{
    /// <summary>The clinic's IANA zone in the auth cookie (refreshed with the security stamp), so no query per page.</summary>
    public const string ClaimType = "hep:time_zone";

    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnown(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static DateOnly DateOf(DateTimeOffset at, string? zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone(zone)).DateTime);

    public static DateOnly DateOf(DateTimeOffset at, ClaimsPrincipal user) => DateOf(at, user.FindFirstValue(ClaimType));

    /// <summary>An instant on the clinic's clock, for showing times where the clinic lives (stored times are UTC).</summary>
    public static DateTimeOffset LocalTime(DateTimeOffset at, ClaimsPrincipal user) =>
        TimeZoneInfo.ConvertTime(at, Zone(user.FindFirstValue(ClaimType)));

    /// <summary>"29 Nov 2026, 09:28" on the clinic's clock.</summary>
    public static string Stamp(DateTimeOffset at, ClaimsPrincipal user) =>
        LocalTime(at, user).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly TodayIn(this TimeProvider clock, string? zone) => DateOf(clock.GetUtcNow(), zone);

    public static DateOnly TodayFor(this TimeProvider clock, ClaimsPrincipal user) => DateOf(clock.GetUtcNow(), user);
}
