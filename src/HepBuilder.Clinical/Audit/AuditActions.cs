namespace HepBuilder.Clinical.Audit;

/// <summary>
/// Every action the audit trail records, as <c>entity.verb</c> in lower case with underscores between words. The
/// names are stored in each row and filtered on by the audit pages, so they are written here once and never as
/// literals elsewhere.
/// </summary>
public static class AuditActions
{
    public const string AccountSignedIn = "account.signed_in";
    public const string AccountSignInFailed = "account.sign_in_failed";
    public const string AccountLockedOut = "account.locked_out";
    public const string AccountPasswordChanged = "account.password_changed";
    public const string AccountPasswordResetRequested = "account.password_reset_requested";
    public const string AccountTwoFactorEnabled = "account.two_factor_enabled";
    public const string AccountTwoFactorDisabled = "account.two_factor_disabled";
    public const string AccountAuthenticatorReset = "account.authenticator_reset";
    public const string AccountRecoveryCodesGenerated = "account.recovery_codes_generated";

    public const string AuditExported = "audit.exported";
    public const string AuditVerified = "audit.verified";

    public const string ClinicCreated = "clinic.created";
    public const string ClinicUpdated = "clinic.updated";

    public const string ExerciseCreated = "exercise.created";
    public const string ExerciseEdited = "exercise.edited";
    public const string ExerciseCopied = "exercise.copied";
    public const string ExerciseDuplicated = "exercise.duplicated";
    public const string ExerciseArchived = "exercise.archived";
    public const string ExerciseUnarchived = "exercise.unarchived";
    public const string ExerciseImported = "exercise.imported";
    public const string ExerciseImportUpdated = "exercise.import_updated";
    public const string ExercisePictureAdded = "exercise.picture_added";
    public const string ExercisePictureRemoved = "exercise.picture_removed";
    public const string ExercisePicturesReordered = "exercise.pictures_reordered";
    public const string LibraryExported = "library.exported";
    public const string LibraryImported = "library.imported";

    public const string PatientCreated = "patient.created";
    public const string PatientEdited = "patient.edited";
    public const string PatientViewed = "patient.viewed";
    public const string PatientListed = "patient.listed";
    public const string PatientArchived = "patient.archived";
    public const string PatientUnarchived = "patient.unarchived";
    public const string PatientDeleted = "patient.deleted";
    public const string PatientLinkCreated = "patient_link.created";
    public const string PatientLinkRevoked = "patient_link.revoked";
    public const string PatientLinkOpened = "patient_link.opened";
    public const string PatientLogSaved = "patient_log.saved";

    public const string ProgramCreated = "program.created";
    public const string ProgramSaved = "program.saved";
    public const string ProgramIssued = "program.issued";
    public const string ProgramRevised = "program.revised";
    public const string ProgramViewed = "program.viewed";
    public const string ProgramDraftPreviewed = "program.draft_previewed";
    public const string ProgramPrecautionOverridden = "program.precaution_overridden";
    public const string HandoutDownloaded = "handout.downloaded";

    public const string UserInvited = "user.invited";
    public const string UserInviteRefused = "user.invite_refused";
    public const string UserUpdated = "user.updated";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string UserPasswordLinkSent = "user.password_link_sent";
    public const string UserPasswordSet = "user.password_set";
    public const string UserSignedOutEverywhere = "user.signed_out_everywhere";
    public const string UserTwoFactorReset = "user.two_factor_reset";
}
