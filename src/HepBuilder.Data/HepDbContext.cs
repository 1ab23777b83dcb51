using System.Linq.Expressions;
using HepBuilder.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.Data;

public sealed class HepDbContext(DbContextOptions<HepDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    private Func<Guid>? _clinicSource;
    private Guid? _clinicOverride;

    /// <summary>
    /// The clinic every clinic-owned query is filtered to, read when a query runs (the context may be created before
    /// the request's user is known). <see cref="Guid.Empty"/> (no clinic) makes those queries return nothing, so a
    /// missing tenant fails closed. Setting it fixes the clinic for background work and tests.
    /// </summary>
    public Guid CurrentClinicId
    {
        get => _clinicOverride ?? _clinicSource?.Invoke() ?? Guid.Empty;
        set => _clinicOverride = value;
    }

    /// <summary>Called on every lease from the pool, so a reused context never keeps an earlier request's clinic.</summary>
    public void UseClinicFrom(Func<Guid> source)
    {
        _clinicSource = source;
        _clinicOverride = null;
    }

    public DbSet<Clinic> Clinics => Set<Clinic>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Exercise> Exercises => Set<Exercise>();
    public DbSet<StoredImage> StoredImages => Set<StoredImage>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Entities.Program> Programs => Set<Entities.Program>();
    public DbSet<ProgramVersion> ProgramVersions => Set<ProgramVersion>();
    public DbSet<ProgramItem> ProgramItems => Set<ProgramItem>();
    public DbSet<Template> Templates => Set<Template>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();
    public DbSet<PatientLogEntry> PatientLogEntries => Set<PatientLogEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.HasPostgresExtension("citext");
        builder.HasPostgresExtension("btree_gin");
        builder.ApplyConfigurationsFromAssembly(typeof(HepDbContext).Assembly);
        SnakeCaseIdentityTables(builder);
        ApplyTenantFilters(builder);
    }

    /// <summary>Identity names its tables explicitly ("AspNetUsers"), which the naming convention leaves alone.</summary>
    private static void SnakeCaseIdentityTables(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes())
        {
            if (type.GetTableName() is { } name && name.StartsWith("AspNet", StringComparison.Ordinal))
            {
                type.SetTableName(string.Concat(name.Select((c, i) =>
                    i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())));
            }
        }
    }

    private void ApplyTenantFilters(ModelBuilder builder)
    {
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentClinicId));
        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var param = Expression.Parameter(type.ClrType, "e");
            Expression? body = null;
            if (typeof(IClinicOwned).IsAssignableFrom(type.ClrType))
            {
                body = Expression.Equal(Expression.Property(param, nameof(IClinicOwned.ClinicId)), current);
            }
            else if (typeof(IClinicOrShared).IsAssignableFrom(type.ClrType))
            {
                // Shipped rows (no clinic) are visible to every clinic; a clinic's own rows only to that clinic.
                var clinicId = Expression.Property(param, nameof(IClinicOrShared.ClinicId));
                body = Expression.OrElse(
                    Expression.Equal(clinicId, Expression.Constant(null, typeof(Guid?))),
                    Expression.Equal(clinicId, Expression.Convert(current, typeof(Guid?))));
            }
            if (body is not null)
            {
                builder.Entity(type.ClrType).HasQueryFilter(Expression.Lambda(body, param));
            }
        }
    }
}
