using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HepBuilder.Web.Infrastructure.Auth;

/// <summary>Identity, passwords, lockout and the session cookie: the authentication policy in one place.</summary>
public static class IdentitySetup
{
    /// <summary>ASVS 3.3.2: a session ends after 30 idle minutes and, whatever the activity, after 12 hours.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    /// <summary>ASVS 2.5.x: a password-reset link works for an hour; invitations have their own, longer lifetime.</summary>
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(1);

    /// <summary>OWASP's current PBKDF2-HMAC-SHA512 figure; older hashes are re-hashed at the next sign-in.</summary>
    public const int HashIterations = 210_000;

    public static void AddHepIdentity(this IServiceCollection services, bool https)
    {
        services.AddDefaultIdentity<ApplicationUser>(o =>
            {
                o.Stores.SchemaVersion = HepDbOptions.IdentitySchema;
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): 12+ characters, any characters.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HepDbContext>()
            .AddUserStore<HepUserStore>()
            .AddUserManager<HepUserManager>()
            .AddSignInManager<HepSignInManager>()
            .AddClaimsPrincipalFactory<HepClaimsPrincipalFactory>()
            .AddTokenProvider<InviteTokenProvider>(InviteTokenProvider.ProviderName);
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<IPersonalDataProtector>(sp => sp.GetRequiredService<PersonalDataProtector>());

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = HashIterations);
        // A deactivated user or a changed password ends the user's other sessions within five minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetLifetime);

        // Behind TLS (directly or via a proxy whose X-Forwarded-Proto is honoured) cookies are Secure and
        // __Host- prefixed; plain-HTTP loopback development keeps working with the same names minus the prefix.
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = https ? "__Host-hep.auth" : "hep.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                context.Properties.Items[SignedInAtKey] = clock.GetUtcNow().ToString("O");
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                if (AbsoluteLifetimeExceeded(context))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = https ? "__Host-hep.af" : "hep.af";
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
    }

    private static bool AbsoluteLifetimeExceeded(CookieValidatePrincipalContext context)
    {
        // Sliding renewals re-issue the cookie (new IssuedUtc), so the sign-in time travels in the properties.
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        return context.Properties.Items.TryGetValue(SignedInAtKey, out var at)
               && DateTimeOffset.TryParse(at, null, System.Globalization.DateTimeStyles.RoundtripKind, out var signedIn)
               && clock.GetUtcNow() - signedIn > AbsoluteTimeout;
    }

    public const string SignedInAtKey = "hep.signed_in_at";
}
