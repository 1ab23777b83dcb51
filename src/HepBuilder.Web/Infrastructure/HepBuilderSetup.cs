using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Data.Interceptors;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Email;
using HepBuilder.Web.Infrastructure.Health;
using HepBuilder.Web.Infrastructure.Hosting;
using HepBuilder.Web.Infrastructure.Startup;
using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Web.Infrastructure;

public static class HepBuilderSetup
{
    public const string AdminPolicy = "Admin";

    public static void AddHepBuilder(this WebApplicationBuilder builder)
    {
        var origin = HostingChecks.Validate(builder.Configuration, builder.Environment);
        var services = builder.Services;
        var connectionString = DatabaseOutage.WithConnectTimeout(builder.Configuration["HEP_DB"]
            ?? builder.Configuration.GetConnectionString("Hep")
            ?? "Host=127.0.0.1;Port=5433;Database=hepbuilder;Username=postgres");

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
        services.AddScoped<ListedPatients>();
        services.AddScoped<ClinicProvisioning>();
        services.AddScoped<HepBuilder.Web.Pages.Admin.Users.UserAccountLinks>();
        services.AddScoped<HepBuilder.Web.Pages.Templates.TemplateItems>();
        services.AddScoped<HepBuilder.Web.Pages.Library.ExerciseSearch>();
        services.AddScoped<HepBuilder.Web.Pages.Programs.HandoutFactory>();
        services.AddScoped<HepBuilder.Web.Pages.Programs.ProgramLifecycle>();
        services.AddScoped<HepBuilder.Web.Pages.PatientView.PatientLinks>();

        services.AddHepHosting(builder.Configuration, origin);
        services.AddHepIdentity(origin.IsHttps);
        services.AddHepRateLimits(builder.Configuration);
        services.AddHepDataProtection(builder.Configuration);

        services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        if (string.IsNullOrEmpty(builder.Configuration["Smtp:Host"]))
        {
            services.AddSingleton<IEmailSender, NoMailSender>();
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
            o.Conventions.Add(new TwoFactorStepGuard());
            o.Conventions.Add(new RateLimits.IdentityPagesConvention());
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<InvalidInputStatusFilter>();
            o.Filters.Add<ListedPatientsFilter>();
            o.ModelBinderProviders.Insert(0, new CheckboxValueBinder.Provider());
            o.ModelBinderProviders.Insert(0, new NulTextBinder.Provider());
            o.ModelBinderProviders.Insert(0, new DateValueBinder.Provider());
        });

        services.AddAdminTwoFactorRequirement();
        services.AddSingleton<HealthCache>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // No retrying execution strategy: a retried commit may already have happened (a download's audit row, an
        // issue), several handlers run their own transactions, and retries would hold the user past the 2 s in which
        // an outage must be answered. Npgsql clears its pool when the server goes away, so recovery needs no help.
        services.AddExceptionHandler<DatabaseOutage>();
    }

    public static void UseHepBuilder(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error");
        if (app.Services.GetRequiredService<PublicOrigin>().IsHttps) app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseSecurityHeaders();
        app.UseRouting();
        // After authentication: the per-user policies (handouts, thumbnails) and the health policy's exemption for
        // signed-in callers need the user; before it, everyone was anonymous and partitioned by address.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz", DatabaseHealthCheck.Options).AllowAnonymous().RequireRateLimiting(RateLimits.Health);
    }
}
