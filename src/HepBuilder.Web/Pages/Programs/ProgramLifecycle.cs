using System.Security.Claims;
using HepBuilder.Clinical.Audit;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using HepBuilder.Handouts;
using HepBuilder.Web.Infrastructure.Audit;
using HepBuilder.Web.Infrastructure.Auth;
using HepBuilder.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HepBuilder.Web.Pages.Programs;

/// <summary>A program with its patient, the patient's precautions, the clinic's phone and (if any) its draft.</summary>
public sealed record ProgramContext(Guid ProgramId, Guid PatientId, string PatientName, string PatientLastName,
    IReadOnlyList<Precaution> Precautions, string? ClinicPhone, ProgramVersion? Draft, int LatestNumber);

/// <summary>What a draft holds, as plain values: from the builder's form, a template or a protocol phase.</summary>
public sealed record DraftContent(string Title, string? Instructions, DateOnly? StartDate, Data.Entities.PaperSize PaperSize, bool LargePrint,
    bool ShowPictures, IReadOnlyList<DraftItem> Items);

/// <summary>One exercise of a draft with its dose and the reasons given for its conflicts, by conflict key.</summary>
public sealed record DraftItem(Guid ExerciseId, Dose Dose, IReadOnlyDictionary<string, string> Reasons)
{
    public string? ReasonFor(string conflict) => Reasons.GetValueOrDefault(conflict);
}

/// <summary>Who acts, as printed on what they issue, and today in the clinic's calendar.</summary>
public sealed record Actor(string UserId, string DisplayName, DateOnly Today)
{
    public static Actor Of(ClaimsPrincipal user, TimeProvider clock) =>
        new(user.UserId() ?? throw new InvalidOperationException("Not signed in."), user.DisplayName(), clock.TodayFor(user));
}

public abstract record SaveResult
{
    public sealed record Saved(uint Stamp, int? Number = null) : SaveResult;

    /// <summary>Someone else saved (or issued) the draft since this clinician loaded it.</summary>
    public sealed record Conflict(VersionSnapshot? Theirs, uint Stamp, string? By, DateTimeOffset? At) : SaveResult;

    /// <summary>The draft breaks a rule of issuing (<see cref="VersionRules.IssueProblems"/>); nothing was written.</summary>
    public sealed record Refused(IReadOnlyList<IssueProblem> Problems) : SaveResult;

    public sealed record NoDraft : SaveResult;
}

/// <summary>
/// Save, issue, revise and create: each is one SaveChanges (one transaction) including its audit rows, so a failure
/// part-way writes nothing. Issuing checks the version rules itself, so no caller can issue what they refuse.
/// </summary>
public sealed class ProgramLifecycle(HepDbContext db, AuditLog audit, HandoutFactory handouts, TimeProvider clock,
    PatientView.PatientLinks links)
{
    public const string EntityType = "Program";

    public async Task<ProgramContext?> LoadAsync(Guid programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId)
            .Select(p => new
            {
                p.Id, p.PatientId, p.Patient!.FirstName, p.Patient.LastName, p.Patient.Precautions,
                Latest = p.Versions.Max(v => v.Number),
                Phone = db.Clinics.Where(c => c.Id == p.ClinicId).Select(c => c.Phone).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (program is null) return null;
        var draft = await db.ProgramVersions.AsNoTracking().Include(v => v.Items)
            .SingleOrDefaultAsync(v => v.ProgramId == programId && v.State == VersionState.Draft, ct);
        return new ProgramContext(program.Id, program.PatientId, $"{program.FirstName} {program.LastName}", program.LastName,
            program.Precautions.Select(p => p.Rule).ToList(), program.Phone, draft, program.Latest ?? 0);
    }

    /// <summary>The exercise's conflicts, as dosed, with the patient's precautions that hold on <paramref name="today"/>.</summary>
    public static IReadOnlyList<PrecautionConflict> ConflictsOf(Exercise exercise, Dose dose, ProgramContext ctx, DateOnly today) =>
        PrecautionCheck.Conflicts(exercise.MovementTags, dose.Load, ctx.Precautions, today);

    /// <summary>What stands between this content and an issued version; empty when it may be issued.</summary>
    public static IReadOnlyList<IssueProblem> IssueProblems(ProgramContext ctx, DraftContent content,
        IReadOnlyDictionary<Guid, Exercise> exercises, DateOnly today) =>
        VersionRules.IssueProblems(content.Items.Select(i =>
        {
            var exercise = exercises[i.ExerciseId];
            return new IssueItem(exercise.Name, exercise.Status == ExerciseStatus.Archived, i.Dose,
                ConflictsOf(exercise, i.Dose, ctx, today), i.ReasonFor);
        }).ToList(), ctx.ClinicPhone);

    /// <summary>True when one of the ids is another clinic's exercise (the caller answers 404, as for any foreign id).</summary>
    public async Task<bool> AnyForeignAsync(IEnumerable<Guid> missing, CancellationToken ct)
    {
        var ids = missing.ToList();
        return ids.Count > 0 && await db.Exercises.IgnoreQueryFilters().AnyAsync(e => ids.Contains(e.Id), ct);
    }

    public async Task<Guid?> CreateAsync(Guid patientId, string title, IReadOnlyList<(Guid ExerciseId, Dose Dose)> items,
        Guid? templateId, Actor actor, CancellationToken ct)
    {
        var program = new Data.Entities.Program
        {
            ClinicId = db.CurrentClinicId, PatientId = patientId, Title = title, CreatedById = actor.UserId,
        };
        program.Versions.Add(new ProgramVersion
        {
            ClinicId = program.ClinicId,
            Title = title,
            SavedById = actor.UserId,
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

    public async Task<SaveResult> SaveAsync(ProgramContext ctx, DraftContent content, uint stamp, IReadOnlyDictionary<Guid, Exercise> exercises,
        Actor actor, CancellationToken ct)
    {
        var draft = await TrackedDraftAsync(ctx.ProgramId, ct);
        if (draft is null) return new SaveResult.NoDraft();
        if (draft.Version != stamp) return await ConflictAsync(ctx, draft, exercises, ct);

        Apply(draft, content, stamp, exercises, ctx, actor);
        await SyncProgramTitleAsync(ctx.ProgramId, content.Title, ct);
        audit.Record(AuditActions.ProgramSaved, EntityType, ctx.ProgramId.ToString(), new { items = draft.Items.Count }, ctx.PatientId);
        return await CommitAsync(ctx, draft, exercises, () => new SaveResult.Saved(draft.Version), ct);
    }

    /// <summary>
    /// Turns the draft, with the given content, into the next numbered version: frozen exercise copies, the previous
    /// issued version superseded, the rendered handout and its hash, who and when, and the audit rows — one transaction.
    /// Refused, writing nothing, while <see cref="IssueProblems"/> finds anything.
    /// </summary>
    public async Task<SaveResult> IssueAsync(ProgramContext ctx, DraftContent content, uint stamp, IReadOnlyDictionary<Guid, Exercise> exercises,
        Actor actor, CancellationToken ct)
    {
        if (IssueProblems(ctx, content, exercises, actor.Today) is { Count: > 0 } problems) return new SaveResult.Refused(problems);
        var draft = await TrackedDraftAsync(ctx.ProgramId, ct);
        if (draft is null) return new SaveResult.NoDraft();
        if (draft.Version != stamp) return await ConflictAsync(ctx, draft, exercises, ct);

        Apply(draft, content, stamp, exercises, ctx, actor);
        await SyncProgramTitleAsync(ctx.ProgramId, content.Title, ct);
        var number = VersionRules.NextNumber(await db.ProgramVersions.Where(v => v.ProgramId == ctx.ProgramId).MaxAsync(v => v.Number, ct));
        var previous = await db.ProgramVersions.Where(v => v.ProgramId == ctx.ProgramId && v.State == VersionState.Issued).ToListAsync(ct);
        previous.ForEach(v => v.State = VersionState.Superseded);

        foreach (var item in draft.Items) item.Freeze(exercises[item.ExerciseId]);
        draft.Number = number;
        draft.State = VersionState.Issued;
        draft.IssuedAt = clock.GetUtcNow();
        draft.IssuedById = actor.UserId;
        draft.IssuedByName = actor.DisplayName;

        // The patient link is created (or kept, its expiry restarted) in this same transaction; its URL is the QR code.
        var qrUrl = await links.EnsureForIssueAsync(ctx.ProgramId, ctx.PatientId, number, ct);
        var model = await handouts.BuildAsync(ctx.PatientId, draft, number, draft: false, actor.Today, actor.UserId, ct, qrUrl);
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
    public async Task<bool> ReviseAsync(ProgramContext ctx, Actor actor, CancellationToken ct)
    {
        if (ctx.Draft is not null) return true;
        var latest = await db.ProgramVersions.AsNoTracking().Include(v => v.Items)
            .Where(v => v.ProgramId == ctx.ProgramId && v.State == VersionState.Issued).SingleOrDefaultAsync(ct);
        if (latest is null) return false;
        db.ProgramVersions.Add(new ProgramVersion
        {
            ClinicId = latest.ClinicId,
            ProgramId = latest.ProgramId,
            SavedById = actor.UserId,
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

    public static VersionSnapshot Snapshot(DraftContent content, IReadOnlyDictionary<Guid, Exercise> exercises) => new(
        content.Title, content.Instructions, content.StartDate, content.PaperSize.ToString(), content.LargePrint, content.ShowPictures,
        content.Items.Select(i => new ItemSnapshot(i.ExerciseId, exercises.TryGetValue(i.ExerciseId, out var e) ? e.Name : "(unknown)", i.Dose)).ToList());

    public static VersionSnapshot Snapshot(ProgramVersion v, Func<ProgramItem, string> name) => new(
        v.Title, v.Instructions, v.StartDate, v.PaperSize.ToString(), v.LargePrint, v.ShowPictures,
        v.Items.OrderBy(i => i.Position).Select(i => new ItemSnapshot(i.ExerciseId, name(i), i.Dose)).ToList());

    private Task<ProgramVersion?> TrackedDraftAsync(Guid programId, CancellationToken ct) =>
        db.ProgramVersions.Include(v => v.Items).SingleOrDefaultAsync(v => v.ProgramId == programId && v.State == VersionState.Draft, ct);

    private void Apply(ProgramVersion draft, DraftContent content, uint stamp, IReadOnlyDictionary<Guid, Exercise> exercises,
        ProgramContext ctx, Actor actor)
    {
        // The row is always written, even when only items changed, so its xmin check guards every save.
        db.Entry(draft).Property(v => v.Version).OriginalValue = stamp;
        db.Entry(draft).Property(v => v.ModifiedAt).IsModified = true;
        draft.SavedById = actor.UserId;
        draft.Title = content.Title.Trim();
        draft.Instructions = string.IsNullOrWhiteSpace(content.Instructions) ? null : content.Instructions.Trim();
        draft.StartDate = content.StartDate;
        draft.PaperSize = content.PaperSize;
        draft.LargePrint = content.LargePrint;
        draft.ShowPictures = content.ShowPictures;

        // An unchanged reason keeps who gave it and when; a new or edited one is this clinician's, now.
        var earlier = draft.Items.SelectMany(i => i.Overrides.Select(o => (i.ExerciseId, o)))
            .GroupBy(x => (x.ExerciseId, x.o.Conflict, x.o.Reason)).ToDictionary(g => g.Key, g => g.First().o);
        var now = clock.GetUtcNow();
        var userId = actor.UserId;
        draft.Items.Clear();
        foreach (var (item, n) in content.Items.Select((item, n) => (item, n)))
        {
            var overrides = ConflictsOf(exercises[item.ExerciseId], item.Dose, ctx, actor.Today)
                .Select(c => (c.Key, Reason: item.ReasonFor(c.Key)))
                .Where(x => x.Reason is not null)
                .Select(x => earlier.TryGetValue((item.ExerciseId, x.Key, x.Reason!), out var o)
                    ? new PrecautionOverride { Conflict = o.Conflict, Reason = o.Reason, ById = o.ById, At = o.At }
                    : new PrecautionOverride { Conflict = x.Key, Reason = x.Reason!, ById = userId, At = now })
                .ToList();
            var entity = new ProgramItem
            {
                ClinicId = draft.ClinicId, VersionId = draft.Id, Position = n, ExerciseId = item.ExerciseId, Dose = item.Dose.Copy(),
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
        var clinicId = db.CurrentClinicId;
        var by = current.SavedById is null ? null
            : await db.Users.Where(u => u.Id == current.SavedById && u.ClinicId == clinicId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        return new SaveResult.Conflict(Snapshot(current, i => names.GetValueOrDefault(i.ExerciseId, "(unknown)")), current.Version, by,
            current.SavedById is null ? null : current.ModifiedAt);
    }
}
