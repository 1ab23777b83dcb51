using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Interceptors;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Email;
using HepBuilder.Web.Infrastructure.Health;
using HepBuilder.Web.Infrastructure.Startup;
using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Infrastructure;

public static class HepBuilderSetup
{
    public const string AdminPolicy = "Admin";

    public static void AddHepBuilder(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration["HEP_DB"]
            ?? builder.Configuration.GetConnectionString("Hep")
            ?? "Host=127.0.0.1;Port=5433;Database=hepbuilder;Username=postgres";

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TimestampInterceptor>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentClinic>();
        services.AddPooledDbContextFactory<HepDbContext>((sp, o) =>
            HepDbOptions.Configure(o, connectionString).AddInterceptors(sp.GetRequiredService<TimestampInterceptor>()));
        // Pooled contexts are reused across requests, so the tenant is set on every lease, never remembered.
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<HepDbContext>>().CreateDbContext();
            var clinic = sp.GetRequiredService<CurrentClinic>();
            db.UseClinicFrom(() => clinic.ClinicId);
            return db;
        });
        services.AddScoped<AuditLog>();
        services.AddScoped<ClinicProvisioning>();
        services.AddScoped<HepBuilder.Web.Pages.Templates.TemplateItems>();
        services.AddScoped<HepBuilder.Web.Pages.Templates.TemplateItems>();
        services.AddScoped<HepBuilder.Web.Pages.Library.ExerciseSearch>();

        AddIdentity(services);
        services.AddDataProtection().SetApplicationName("HepBuilder").PersistKeysToDbContext<HepDbContext>();

        services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        if (string.IsNullOrEmpty(builder.Configuration["Smtp:Host"]))
        {
            services.AddSingleton<IEmailSender, LogEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            // Every endpoint requires sign-in unless it opts out with [AllowAnonymous].
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
            o.Conventions.Add(new DisabledIdentityPages());
        }).AddMvcOptions(o => o.Filters.Add<InvalidInputStatusFilter>());

        services.AddAdminTwoFactorRequirement();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    private static void AddIdentity(IServiceCollection services)
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
            .AddSignInManager<HepSignInManager>()
            .AddClaimsPrincipalFactory<HepClaimsPrincipalFactory>();

        // OWASP's current PBKDF2-HMAC-SHA512 figure; older hashes are re-hashed at the next sign-in.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "hep.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
        });
    }

    public static void UseHepBuilder(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseSecurityHeaders();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz", DatabaseHealthCheck.Options).AllowAnonymous();
    }
}
