using HepBuilder.Clinical.Audit;
using System.Text.Json;

namespace HepBuilder.Web.Pages.Admin.Users;

/// <summary>Turns account audit rows into words for the history table: "Roles: Clinician → Admin, Clinician".</summary>
public static class AuditText
{
    public static string Action(string action) => action switch
    {
        AuditActions.UserInvited => "Invited",
        AuditActions.UserUpdated => "Name or roles changed",
        AuditActions.UserDeactivated => "Deactivated",
        AuditActions.UserReactivated => "Reactivated",
        AuditActions.UserTwoFactorReset => "Two-factor sign-in reset",
        AuditActions.UserPasswordLinkSent => "Password link sent",
        AuditActions.UserPasswordSet => "Password chosen",
        AuditActions.ClinicCreated => "Clinic created",
        _ => action,
    };

    public static IReadOnlyList<string> Lines(string? details)
    {
        if (string.IsNullOrWhiteSpace(details)) return [];
        try
        {
            using var doc = JsonDocument.Parse(details);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [details];
            return doc.RootElement.EnumerateObject().Select(p =>
                p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("old", out var old) && p.Value.TryGetProperty("new", out var @new)
                    ? $"{Field(p.Name)}: {Text(old)} → {Text(@new)}"
                    : $"{Field(p.Name)}: {Text(p.Value)}").ToList();
        }
        catch (JsonException)
        {
            return [details];
        }
    }

    private static string Field(string name) => name switch
    {
        "FullName" => "Name",
        "IsActive" => "Active",
        "TwoFactorEnabled" => "Two-factor sign-in",
        "AuthenticatorKey" => "Authenticator key",
        "via" => "Via",
        _ => name,
    };

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "(none)",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "(none)" : string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : "(none)",
        _ => value.GetRawText(),
    };
}
