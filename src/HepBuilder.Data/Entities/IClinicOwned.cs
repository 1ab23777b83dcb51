namespace HepBuilder.Data.Entities;

/// <summary>Clinic data: every query is filtered to the signed-in user's clinic by <see cref="HepDbContext"/>.</summary>
public interface IClinicOwned
{
    Guid ClinicId { get; set; }
}

/// <summary>Created/modified stamps, set in one place (<see cref="Interceptors.TimestampInterceptor"/>).</summary>
public interface ITimestamped
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset ModifiedAt { get; set; }
}

/// <summary>Rows that are either shipped to every clinic (no clinic) or owned by one clinic.</summary>
public interface IClinicOrShared
{
    Guid? ClinicId { get; set; }
}
