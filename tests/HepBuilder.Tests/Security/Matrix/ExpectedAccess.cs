namespace HepBuilder.Tests.Security.Matrix;

public enum Access
{
    /// <summary>Anyone, signed in or not (sign-in, password reset, error pages, health).</summary>
    Public,

    /// <summary>Offered by Identity UI but switched off in this product: 404 for every caller allowed to reach it.</summary>
    Disabled,

    /// <summary>Disabled and behind sign-in: anonymous callers are sent to sign-in, everyone else gets 404.</summary>
    DisabledSignedIn,

    /// <summary>The second step of signing in: with no first step waiting, back to sign-in; never a 500.</summary>
    SecondStep,

    /// <summary>Any signed-in user of the clinic.</summary>
    SignedIn,

    /// <summary>Admins of the clinic only.</summary>
    Admin,
}

/// <summary>The expected access of one handler, and whether its URL names a record of clinic A.</summary>
public sealed record Expectation(Access Access, bool ClinicARecord = false);

/// <summary>
/// The authorization matrix: every handler the app answers must appear here with who may call it. A new page
/// that is not listed fails the suite until someone decides who may use it.
/// </summary>
public static class ExpectedAccess
{
    private static readonly Expectation Public = new(Access.Public);
    private static readonly Expectation SignedIn = new(Access.SignedIn);
    private static readonly Expectation SignedInA = new(Access.SignedIn, true);
    private static readonly Expectation Admin = new(Access.Admin);
    private static readonly Expectation AdminA = new(Access.Admin, true);
    private static readonly Expectation Disabled = new(Access.Disabled);
    private static readonly Expectation DisabledSignedIn = new(Access.DisabledSignedIn);
    private static readonly Expectation SecondStep = new(Access.SecondStep);

    public static readonly IReadOnlyDictionary<string, Expectation> Table = new Dictionary<string, Expectation>
    {
        ["GET "] = SignedIn,
        ["GET Index"] = SignedIn,
        ["GET Error"] = Public,
        ["POST Error"] = Public,
        ["GET Status/{code:int}"] = Public,
        ["POST Status/{code:int}"] = Public,
        ["GET healthz"] = Public,

        ["GET Account/AcceptInvite"] = Public,
        ["POST Account/AcceptInvite"] = Public,
        ["GET Account/SignOutEverywhere"] = SignedIn,
        ["POST Account/SignOutEverywhere"] = SignedIn,

        ["GET Identity/Account/AccessDenied"] = SignedIn,
        ["GET Identity/Account/ConfirmEmail"] = Disabled,
        ["GET Identity/Account/ConfirmEmailChange"] = Disabled,
        ["GET Identity/Account/ExternalLogin"] = Disabled,
        ["GET Identity/Account/ExternalLogin?handler=Callback"] = Disabled,
        ["POST Identity/Account/ExternalLogin"] = Disabled,
        ["POST Identity/Account/ExternalLogin?handler=Confirmation"] = Disabled,
        ["GET Identity/Account/ForgotPasswordConfirmation"] = Public,
        ["GET Identity/Account/ForgotPassword"] = Public,
        ["POST Identity/Account/ForgotPassword"] = Public,
        ["GET Identity/Account/Lockout"] = Public,
        ["GET Identity/Account/Login"] = Public,
        ["POST Identity/Account/Login"] = Public,
        ["GET Identity/Account/LoginWith2fa"] = SecondStep,
        ["POST Identity/Account/LoginWith2fa"] = SecondStep,
        ["GET Identity/Account/LoginWithRecoveryCode"] = SecondStep,
        ["POST Identity/Account/LoginWithRecoveryCode"] = SecondStep,
        ["GET Identity/Account/Logout"] = Public,
        ["POST Identity/Account/Logout"] = Public,
        ["GET Identity/Account/Register"] = Disabled,
        ["POST Identity/Account/Register"] = Disabled,
        ["GET Identity/Account/RegisterConfirmation"] = Disabled,
        ["GET Identity/Account/ResendEmailConfirmation"] = Disabled,
        ["POST Identity/Account/ResendEmailConfirmation"] = Disabled,
        ["GET Identity/Account/ResetPassword"] = Public,
        ["POST Identity/Account/ResetPassword"] = Public,
        ["GET Identity/Account/ResetPasswordConfirmation"] = Public,
        ["GET Identity/Error"] = Public,

        ["GET Identity/Account/Manage"] = SignedIn,
        ["GET Identity/Account/Manage/Index"] = SignedIn,
        ["POST Identity/Account/Manage"] = SignedIn,
        ["POST Identity/Account/Manage/Index"] = SignedIn,
        ["GET Identity/Account/Manage/ChangePassword"] = SignedIn,
        ["POST Identity/Account/Manage/ChangePassword"] = SignedIn,
        ["GET Identity/Account/Manage/DeletePersonalData"] = DisabledSignedIn,
        ["POST Identity/Account/Manage/DeletePersonalData"] = DisabledSignedIn,
        ["GET Identity/Account/Manage/Disable2fa"] = SignedIn,
        ["POST Identity/Account/Manage/Disable2fa"] = SignedIn,
        // Identity UI answers GET with 404: the download is a POST.
        ["GET Identity/Account/Manage/DownloadPersonalData"] = DisabledSignedIn,
        ["POST Identity/Account/Manage/DownloadPersonalData"] = SignedIn,
        ["GET Identity/Account/Manage/Email"] = SignedIn,
        ["POST Identity/Account/Manage/Email?handler=ChangeEmail"] = SignedIn,
        ["POST Identity/Account/Manage/Email?handler=SendVerificationEmail"] = SignedIn,
        ["GET Identity/Account/Manage/EnableAuthenticator"] = SignedIn,
        ["POST Identity/Account/Manage/EnableAuthenticator"] = SignedIn,
        ["GET Identity/Account/Manage/ExternalLogins"] = DisabledSignedIn,
        ["GET Identity/Account/Manage/ExternalLogins?handler=LinkLoginCallback"] = DisabledSignedIn,
        ["POST Identity/Account/Manage/ExternalLogins?handler=LinkLogin"] = DisabledSignedIn,
        ["POST Identity/Account/Manage/ExternalLogins?handler=RemoveLogin"] = DisabledSignedIn,
        ["GET Identity/Account/Manage/GenerateRecoveryCodes"] = SignedIn,
        ["POST Identity/Account/Manage/GenerateRecoveryCodes"] = SignedIn,
        ["GET Identity/Account/Manage/PersonalData"] = SignedIn,
        ["GET Identity/Account/Manage/ResetAuthenticator"] = SignedIn,
        ["POST Identity/Account/Manage/ResetAuthenticator"] = SignedIn,
        ["GET Identity/Account/Manage/SetPassword"] = SignedIn,
        ["POST Identity/Account/Manage/SetPassword"] = SignedIn,
        ["GET Identity/Account/Manage/ShowRecoveryCodes"] = SignedIn,
        ["GET Identity/Account/Manage/TwoFactorAuthentication"] = SignedIn,
        ["POST Identity/Account/Manage/TwoFactorAuthentication"] = SignedIn,

        ["GET Admin/Audit"] = Admin,
        ["GET Admin/Audit/Index"] = Admin,
        ["GET Admin/Audit?handler=Csv"] = Admin,
        ["GET Admin/Audit/Index?handler=Csv"] = Admin,
        ["GET Admin/Audit/Verify"] = Admin,
        ["GET Admin/Clinic"] = Admin,
        ["GET Admin/Clinic/Index"] = Admin,
        ["GET Admin/Clinic?handler=Logo"] = Admin,
        ["GET Admin/Clinic/Index?handler=Logo"] = Admin,
        ["POST Admin/Clinic"] = Admin,
        ["POST Admin/Clinic/Index"] = Admin,
        ["GET Admin/Users"] = Admin,
        ["GET Admin/Users/Index"] = Admin,
        ["GET Admin/Users/Invite"] = Admin,
        ["POST Admin/Users/Invite"] = Admin,
        ["GET Admin/Users/Edit/{id}"] = AdminA,
        ["POST Admin/Users/Edit/{id}"] = AdminA,
        ["POST Admin/Users/Edit/{id}?handler=Deactivate"] = AdminA,
        ["POST Admin/Users/Edit/{id}?handler=Reactivate"] = AdminA,
        ["POST Admin/Users/Edit/{id}?handler=ResetTwoFactor"] = AdminA,
        ["POST Admin/Users/Edit/{id}?handler=SendPasswordLink"] = AdminA,

        ["GET Library"] = SignedIn,
        ["GET Library/Index"] = SignedIn,
        ["GET Library/Details/{id:guid}"] = SignedInA,
        ["GET Library/Photo/{exerciseId:guid}/{sha:length(64)}"] = SignedInA,
        // The actions page only takes posts; a GET is 404 by design.
        ["GET Library/Actions/{id:guid}"] = DisabledSignedIn,
        ["POST Library/Actions/{id:guid}?handler=Archive"] = AdminA,
        ["POST Library/Actions/{id:guid}?handler=Copy"] = AdminA,
        ["POST Library/Actions/{id:guid}?handler=Duplicate"] = AdminA,
        ["POST Library/Actions/{id:guid}?handler=Unarchive"] = AdminA,
        ["GET Library/Edit/{id:guid?}"] = AdminA,
        ["POST Library/Edit/{id:guid?}"] = AdminA,
        ["POST Library/Edit/{id:guid?}?handler=Preview"] = AdminA,
        ["GET Library/Pictures/{id:guid}"] = AdminA,
        ["POST Library/Pictures/{id:guid}?handler=Down"] = AdminA,
        ["POST Library/Pictures/{id:guid}?handler=Remove"] = AdminA,
        ["POST Library/Pictures/{id:guid}?handler=Up"] = AdminA,
        ["GET Library/Upload/{id:guid}"] = AdminA,
        ["POST Library/Upload/{id:guid}"] = AdminA,
        ["GET Library/Transfer"] = Admin,
        ["GET Library/Transfer?handler=Csv"] = Admin,
        ["GET Library/Transfer?handler=Json"] = Admin,
        ["POST Library/Transfer"] = Admin,

        ["GET Patients"] = SignedIn,
        ["GET Patients/Index"] = SignedIn,
        ["GET Patients/New"] = SignedIn,
        ["POST Patients/New"] = SignedIn,
        ["POST Patients/New?handler=AddPrecaution"] = SignedIn,
        ["GET Patients/{id:guid}"] = SignedInA,
        ["GET Patients/{id:guid}/Edit"] = SignedInA,
        ["POST Patients/{id:guid}/Edit"] = SignedInA,
        ["POST Patients/{id:guid}/Edit?handler=AddPrecaution"] = SignedInA,
        ["POST Patients/{id:guid}?handler=Archive"] = SignedInA,
        ["POST Patients/{id:guid}?handler=Unarchive"] = SignedInA,
        ["POST Patients/{id:guid}?handler=Delete"] = SignedInA,

        ["GET Programs"] = SignedIn,
        ["GET Programs/Index"] = SignedIn,
        ["GET Programs/{id:guid}/patient-link"] = SignedInA,
        ["POST Programs/{id:guid}/patient-link?handler=New"] = SignedInA,
        ["POST Programs/{id:guid}/patient-link?handler=Revoke"] = SignedInA,
        ["GET Programs/New"] = SignedInA,
        ["POST Programs/New"] = SignedInA,
        ["GET Programs/{id:guid}"] = SignedInA,
        ["POST Programs/{id:guid}?handler=Revise"] = SignedInA,
        ["GET Programs/{id:guid}/Edit"] = SignedInA,
        ["GET Programs/{id:guid}/Edit?handler=Thumbnail"] = SignedInA,
        ["POST Programs/{id:guid}/Edit?handler=Add"] = SignedInA,
        ["POST Programs/{id:guid}/Edit?handler=Issue"] = SignedInA,
        ["POST Programs/{id:guid}/Edit?handler=Move"] = SignedInA,
        ["POST Programs/{id:guid}/Edit?handler=Refresh"] = SignedInA,
        ["POST Programs/{id:guid}/Edit?handler=Remove"] = SignedInA,
        ["POST Programs/{id:guid}/Edit?handler=Save"] = SignedInA,
        ["POST Programs/{id:guid}/Edit?handler=Thumbnail"] = SignedInA,
        ["POST Programs/{id:guid}/Edit?handler=IssueCheck"] = SignedInA,
        ["GET Programs/{id:guid}/draft/preview.pdf"] = SignedInA,
        ["GET Programs/{id:guid}/versions/{n:int}/handout.pdf"] = SignedInA,

        // The patient's page behind the handout's QR code: public, reached only with the link's secret token.
        ["GET p/{token}"] = Public,
        ["GET p/{token}?handler=Photo"] = Public,
        ["POST p/{token}"] = Public,

        ["GET Templates"] = SignedIn,
        ["GET Templates/Index"] = SignedIn,
        ["GET Templates/New"] = SignedInA,
        ["POST Templates/New"] = SignedInA,
        ["GET Templates/{id:guid}"] = SignedInA,
        // Clinic A's template in the world is clinic-wide: any clinician may copy it, only admins change it.
        ["GET Templates/{id:guid}/Edit"] = AdminA,
        ["POST Templates/{id:guid}/Edit"] = AdminA,
        ["POST Templates/{id:guid}/Edit?handler=Move"] = AdminA,
        ["POST Templates/{id:guid}?handler=Copy"] = SignedInA,
        ["POST Templates/{id:guid}?handler=Delete"] = AdminA,
        // Sharing is tried on the admin's own personal template (a clinic-wide one is already shared).
        ["POST Templates/{id:guid}?handler=Share"] = AdminA,
    };
}
