using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>
/// Invitations have their own token provider (its own Data Protection purpose) and a lifetime of days, so an invite
/// link cannot be used as a password-reset token, and password resets stay short (<see cref="IdentitySetup.PasswordResetLifetime"/>).
/// </summary>
public sealed class InviteTokenProvider(IDataProtectionProvider provider, IOptions<InviteTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(provider, options, logger)
{
    public const string ProviderName = "Invite";
    public const string Purpose = "Invite";
}

public sealed class InviteTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    public InviteTokenProviderOptions()
    {
        Name = InviteTokenProvider.ProviderName;
        TokenLifespan = Lifetime;
    }
}
