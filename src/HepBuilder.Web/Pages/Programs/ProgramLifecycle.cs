using HepBuilder.Clinical.Audit;
using HepBuilder.Web.Infrastructure.Tenancy;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Handouts;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>A program with its patient and (if any) its draft, as the builder and the lifecycle need them.</summary>
public sealed record ProgramContext(Guid ProgramId, Guid PatientId, string PatientName, string PatientLastName,
    IReadOnlyList<PatientPrecaution> Precautions, ProgramVersion? Draft, int LatestNumber);

public abstract record SaveResult
{
    public sealed record Saved(uint Stamp, int? Number = null) : SaveResult;

    /// <summary>Someone else saved (or issued) the draft since this clinician loaded it.</summary>
    public sealed record Conflict(VersionSnapshot? Theirs, uint Stamp, string? By, DateTimeOffset? At) : SaveResult;

    public sealed record NoDraft : SaveResult;
}

/// <summary>
/// Save, issue, revise and create: each is one SaveChanges (one transaction) including its audit rows, so a failure
/// part-way writes nothing.
/// </summary>
public sealed class ProgramLifecycle(HepDbContext db, AuditLog audit, HandoutFactory handouts, TimeProvider clock,
    IHttpContextAccessor accessor, PatientView.PatientLinks links)
{
    public const string EntityType = "Program";

    private string UserId => accessor.HttpContext?.User.UserId() ?? throw new InvalidOperationException("Not signed in.");

    public DateOnly Today => clock.TodayFor(accessor.HttpContext!.User);

    public async Task<ProgramContext?> LoadAsync(Guid programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId)
            .Select(p => new
            {
                p.Id, p.PatientId, p.Patient!.FirstName, p.Patient.LastName, p.Patient.Precautions,
                Latest = p.Versions.Max(v => v.Number),
            })
            .SingleOrDefaultAsync(ct);
        if (program is null) return null;
        var draft = await db.ProgramVersions.AsNoTracking().Include(v => v.Items)
            .SingleOrDefaultAsync(v => v.ProgramId == programId && v.State == VersionState.Draft, ct);
        return new ProgramContext(program.Id, program.PatientId, $"{program.FirstName} {program.LastName}", program.LastName,
            program.Precautions, draft, program.Latest ?? 0);
    }

    public IReadOnlyList<PrecautionConflict> ConflictsOf(Exercise exercise, ProgramContext ctx) =>
        PrecautionCheck.Conflicts(exercise.MovementTags, ctx.Precautions, Today);

    /// <summary>True when one of the ids is another clinic's exercise (the caller answers 404, as for any foreign id).</summary>
    public async Task<bool> AnyForeignAsync(IEnumerable<Guid> missing, CancellationToken ct)
    {
        var ids = missing.ToList();
        return ids.Count > 0 && await db.Exercises.IgnoreQueryFilters().AnyAsync(e => ids.Contains(e.Id), ct);
    }

    public async Task<Guid?> CreateAsync(Guid patientId, string title, IReadOnlyList<(Guid ExerciseId, Dose Dose)> items,
        Guid? templateId, CancellationToken ct)
    {
        var program = new Data.Entities.Program
        {
            ClinicId = db.CurrentClinicId, PatientId = patientId, Title = title, CreatedById = UserId,
        };
        program.Versions.Add(new ProgramVersion
        {
            ClinicId = program.ClinicId,
            Title = title,
            PaperSize = await db.Clinics.Where(c => c.Id == program.ClinicId).Select(c => c.PaperSize).SingleAsync(ct),
            Items = items.Select((i, n) => new ProgramItem
            {
                ClinicId = program.ClinicId, Position = n, ExerciseId = i.ExerciseId, Dose = i.Dose.Copy(),
            }).ToList(),
        });
        db.Programs.Add(program);
        audit.Record(AuditActions.ProgramCreated, EntityType, program.Id.ToString(), new { title, templateId, items = items.Count }, patientId);
        await db.SaveChangesAsync(ct);
        return program.Id;
    }

    public async Task<SaveResult> SaveAsync(ProgramContext ctx, DraftInput input, IReadOnlyDictionary<Guid, Exercise> exercises,
        CancellationToken ct)
    {
        var draft = await TrackedDraftAsync(ctx.ProgramId, ct);
        if (draft is null) return new SaveResult.NoDraft();
        if (draft.Version != input.Stamp) return await ConflictAsync(ctx, draft, exercises, ct);

        Apply(draft, input, exercises, ctx);
        await SyncProgramTitleAsync(ctx.ProgramId, input.Title, ct);
        audit.Record(AuditActions.ProgramSaved, EntityType, ctx.ProgramId.ToString(), new { items = draft.Items.Count }, ctx.PatientId);
        return await CommitAsync(ctx, draft, exercises, () => new SaveResult.Saved(draft.Version), ct);
    }

    /// <summary>
    /// Turns the draft, with the posted edits, into the next numbered version: frozen exercise copies, the previous
    /// issued version superseded, the rendered handout and its hash, who and when, and the audit rows — one transaction.
    /// </summary>
    public async Task<SaveResult> IssueAsync(ProgramContext ctx, DraftInput input, IReadOnlyDictionary<Guid, Exercise> exercises,
        CancellationToken ct)
    {
        var draft = await TrackedDraftAsync(ctx.ProgramId, ct);
        if (draft is null) return new SaveResult.NoDraft();
        if (draft.Version != input.Stamp) return await ConflictAsync(ctx, draft, exercises, ct);

        Apply(draft, input, exercises, ctx);
        await SyncProgramTitleAsync(ctx.ProgramId, input.Title, ct);
        var number = (await db.ProgramVersions.Where(v => v.ProgramId == ctx.ProgramId).MaxAsync(v => v.Number, ct) ?? 0) + 1;
        var previous = await db.ProgramVersions.Where(v => v.ProgramId == ctx.ProgramId && v.State == VersionState.Issued).ToListAsync(ct);
        previous.ForEach(v => v.State = VersionState.Superseded);

        foreach (var item in draft.Items) HandoutFactory.Freeze(item, exercises[item.ExerciseId]);
        var now = clock.GetUtcNow();
        var userId = UserId;
        draft.Number = number;
        draft.State = VersionState.Issued;
        draft.IssuedAt = now;
        draft.IssuedById = userId;
        draft.IssuedByName = accessor.HttpContext!.User.DisplayName();

        // The patient link is created (or kept, its expiry restarted) in this same transaction; its URL is the QR code.
        var qrUrl = await links.EnsureForIssueAsync(ctx.ProgramId, ctx.PatientId, number, ct);
        var model = await handouts.BuildAsync(ctx.PatientId, draft, number, draft: false, ClinicDay.DateOf(now, accessor.HttpContext!.User), userId, ct, qrUrl);
        draft.HandoutPdf = HandoutRenderer.RenderPdf(model);
        draft.HandoutSha256 = HandoutRenderer.Sha256Hex(draft.HandoutPdf);

        audit.Record(AuditActions.ProgramIssued, EntityType, ctx.ProgramId.ToString(),
            new { version = number, items = draft.Items.Count, sha256 = draft.HandoutSha256 }, ctx.PatientId);
        foreach (var item in draft.Items.OrderBy(i => i.Position))
        {
            foreach (var o in item.Overrides)
            {
                audit.Record(AuditActions.ProgramPrecautionOverridden, EntityType, ctx.ProgramId.ToString(),
                    new { version = number, exercise = item.FrozenName, conflict = o.Conflict, reason = o.Reason }, ctx.PatientId);
            }
        }
        return await CommitAsync(ctx, draft, exercises, () => new SaveResult.Saved(draft.Version, number), ct);
    }

    /// <summary>A new draft copied from the latest issued version; the existing draft if there already is one.</summary>
    public async Task<bool> ReviseAsync(ProgramContext ctx, CancellationToken ct)
    {
        if (ctx.Draft is not null) return true;
        var latest = await db.ProgramVersions.AsNoTracking().Include(v => v.Items)
            .Where(v => v.ProgramId == ctx.ProgramId && v.State == VersionState.Issued).SingleOrDefaultAsync(ct);
        if (latest is null) return false;
        db.ProgramVersions.Add(new ProgramVersion
        {
            ClinicId = latest.ClinicId,
            ProgramId = latest.ProgramId,
            Title = latest.Title,
            Instructions = latest.Instructions,
            StartDate = latest.StartDate,
            PaperSize = latest.PaperSize,
            LargePrint = latest.LargePrint,
            ShowPictures = latest.ShowPictures,
            Items = latest.Items.OrderBy(i => i.Position).Select((i, n) => new ProgramItem
            {
                ClinicId = i.ClinicId,
                Position = n,
                ExerciseId = i.ExerciseId,
                Dose = i.Dose.Copy(),
                // Reasons still stand for the same conflicts; the clinician sees and can change them before issuing.
                Overrides = i.Overrides.Select(o => new PrecautionOverride { Conflict = o.Conflict, Reason = o.Reason, ById = o.ById, At = o.At }).ToList(),
            }).ToList(),
        });
        audit.Record(AuditActions.ProgramRevised, EntityType, ctx.ProgramId.ToString(), new { from = latest.Number }, ctx.PatientId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone else revised at the same moment: their draft is the one to edit.
            db.ChangeTracker.Clear();
        }
        return true;
    }

    public VersionSnapshot Snapshot(DraftInput input, IReadOnlyDictionary<Guid, Exercise> exercises) => new(
        input.Title, input.Instructions, input.StartDate, input.PaperSize, input.LargePrint, input.ShowPictures,
        input.Items.Select(i => new ItemSnapshot(i.ExerciseId, exercises.TryGetValue(i.ExerciseId, out var e) ? e.Name : "(unknown)", i.ToDose())).ToList());

    public static VersionSnapshot Snapshot(ProgramVersion v, Func<ProgramItem, string> name) => new(
        v.Title, v.Instructions, v.StartDate, v.PaperSize, v.LargePrint, v.ShowPictures,
        v.Items.OrderBy(i => i.Position).Select(i => new ItemSnapshot(i.ExerciseId, name(i), i.Dose)).ToList());

    private Task<ProgramVersion?> TrackedDraftAsync(Guid programId, CancellationToken ct) =>
        db.ProgramVersions.Include(v => v.Items).SingleOrDefaultAsync(v => v.ProgramId == programId && v.State == VersionState.Draft, ct);

    private void Apply(ProgramVersion draft, DraftInput input, IReadOnlyDictionary<Guid, Exercise> exercises, ProgramContext ctx)
    {
        // The row is always written, even when only items changed, so its xmin check guards every save.
        db.Entry(draft).Property(v => v.Version).OriginalValue = input.Stamp;
        db.Entry(draft).Property(v => v.ModifiedAt).IsModified = true;
        draft.Title = input.Title.Trim();
        draft.Instructions = string.IsNullOrWhiteSpace(input.Instructions) ? null : input.Instructions.Trim();
        draft.StartDate = input.StartDate;
        draft.PaperSize = input.PaperSize;
        draft.LargePrint = input.LargePrint;
        draft.ShowPictures = input.ShowPictures;

        // An unchanged reason keeps who gave it and when; a new or edited one is this clinician's, now.
        var earlier = draft.Items.SelectMany(i => i.Overrides.Select(o => (i.ExerciseId, o)))
            .GroupBy(x => (x.ExerciseId, x.o.Conflict, x.o.Reason)).ToDictionary(g => g.Key, g => g.First().o);
        var now = clock.GetUtcNow();
        var userId = UserId;
        draft.Items.Clear();
        foreach (var (item, n) in input.Items.Select((item, n) => (item, n)))
        {
            var overrides = ConflictsOf(exercises[item.ExerciseId], ctx)
                .Select(c => (c.Key, Reason: item.ReasonFor(c.Key)))
                .Where(x => x.Reason is not null)
                .Select(x => earlier.TryGetValue((item.ExerciseId, x.Key, x.Reason!), out var o)
                    ? new PrecautionOverride { Conflict = o.Conflict, Reason = o.Reason, ById = o.ById, At = o.At }
                    : new PrecautionOverride { Conflict = x.Key, Reason = x.Reason!, ById = userId, At = now })
                .ToList();
            var entity = new ProgramItem
            {
                ClinicId = draft.ClinicId, VersionId = draft.Id, Position = n, ExerciseId = item.ExerciseId, Dose = item.ToDose(),
                Overrides = overrides,
            };
            // Added explicitly: found only through the navigation, an entity with its key already set would be taken
            // for an existing row and updated instead of inserted.
            db.ProgramItems.Add(entity);
            if (!draft.Items.Contains(entity)) draft.Items.Add(entity);   // fix-up usually adds it already
        }
    }

    private async Task SyncProgramTitleAsync(Guid programId, string title, CancellationToken ct)
    {
        var program = await db.Programs.SingleAsync(p => p.Id == programId, ct);
        if (program.Title != title.Trim()) program.Title = title.Trim();
    }

    private async Task<SaveResult> CommitAsync(ProgramContext ctx, ProgramVersion draft, IReadOnlyDictionary<Guid, Exercise> exercises,
        Func<SaveResult> done, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return done();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
            || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Lost a race with another save or issue of the same draft: nothing was written; report what is there now.
            db.ChangeTracker.Clear();
            var current = await db.ProgramVersions.AsNoTracking().Include(v => v.Items)
                .SingleOrDefaultAsync(v => v.Id == draft.Id && v.State == VersionState.Draft, ct);
            return current is null ? new SaveResult.Conflict(null, 0, null, null) : await ConflictAsync(ctx, current, exercises, ct);
        }
    }

    private async Task<SaveResult> ConflictAsync(ProgramContext ctx, ProgramVersion current, IReadOnlyDictionary<Guid, Exercise> exercises,
        CancellationToken ct)
    {
        var ids = current.Items.Select(i => i.ExerciseId).Where(id => !exercises.ContainsKey(id)).Distinct().ToList();
        var names = exercises.ToDictionary(e => e.Key, e => e.Value.Name);
        foreach (var e in await db.Exercises.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
        {
            names[e.Id] = e.Name;
        }
        var id = ctx.ProgramId.ToString();
        var last = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == EntityType && a.EntityId == id && a.Action == AuditActions.ProgramSaved)
            .OrderByDescending(a => a.Id).Select(a => new { a.UserId, a.At }).FirstOrDefaultAsync(ct);
        var by = last?.UserId is null ? null
            : await db.Users.Where(u => u.Id == last.UserId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        return new SaveResult.Conflict(Snapshot(current, i => names.GetValueOrDefault(i.ExerciseId, "(unknown)")), current.Version, by, last?.At);
    }
}

public static class ProgramPreview
{
    /// <summary>
    /// A version as it would be issued from the given input, frozen from the library as it is now, not stored:
    /// for the draft preview PDF and the live thumbnail.
    /// </summary>
    public static ProgramVersion Transient(Guid programId, DraftInput input, IReadOnlyDictionary<Guid, Exercise> exercises) => new()
    {
        ProgramId = programId,
        Title = input.Title,
        Instructions = input.Instructions,
        StartDate = input.StartDate,
        PaperSize = input.PaperSize,
        LargePrint = input.LargePrint,
        ShowPictures = input.ShowPictures,
        Items = input.Items.Where(i => exercises.ContainsKey(i.ExerciseId)).Select((i, n) =>
        {
            var item = new ProgramItem { Position = n, ExerciseId = i.ExerciseId, Dose = i.ToDose() };
            HandoutFactory.Freeze(item, exercises[i.ExerciseId]);
            return item;
        }).ToList(),
    };
}
