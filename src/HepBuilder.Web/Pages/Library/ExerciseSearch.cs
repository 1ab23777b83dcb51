using System.Text;
using HepBuilder.Data;
using HepBuilder.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace HepBuilder.Web.Pages.Library;

public sealed record ExerciseSearchQuery(string? Text, BodyRegion? Region = null, ExerciseCategory? Category = null,
    BodyPosition? Position = null, Equipment? Equipment = null, int? Difficulty = null, bool IncludeArchived = false,
    int Page = 1, int PageSize = 20);

public sealed record ExerciseSearchHit(Guid Id, string Name, IReadOnlyList<string> Aliases, BodyRegion Region,
    ExerciseCategory Category, BodyPosition Position, int Difficulty, bool IsShipped, ExerciseStatus Status,
    string? FirstPoseJson, string? FirstImageSha256, Dose DefaultDose, IReadOnlyList<MovementTag> Tags, bool HasDoseNumbers = false);

public sealed record ExerciseSearchResult(IReadOnlyList<ExerciseSearchHit> Hits, int Total, int Page, int PageSize);

/// <summary>
/// The library search every feature uses: full text (stored tsvector over name, aliases, steps and tags) for words
/// and word prefixes, pg_trgm word similarity on the name for typos ("brige" → Bridge). Name matches rank first. Only the
/// shipped library and the current clinic's own exercises are searched.
/// </summary>
public sealed class ExerciseSearch(HepDbContext db)
{
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 100;

    public async Task<ExerciseSearchResult> SearchAsync(ExerciseSearchQuery q, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        // ?p=2147483647 overflowed the offset (a 500); kept where page * MaxPageSize still fits an int.
        var page = Math.Clamp(q.Page, 1, int.MaxValue / MaxPageSize);
        var pageSize = Math.Clamp(q.PageSize, 1, MaxPageSize);
        var text = Normalize(q.Text);

        // One statement: the ranked page joined to its rows and first pictures. Three statements (ranking, rows,
        // pictures) plus a transaction for the trigram threshold were five round trips; the threshold is now set on
        // the connection (HepDbOptions). Typo queries' p95 went from 8.7–11.9 to 6.1–9.5 ms (bench/README.md).
        var (ranking, parameters) = BuildRankingSql(q, text, db.CurrentClinicId, page, pageSize);
        var sql = $"""
            SELECT r."Id" AS id, r."Score" AS score, r."Total" AS total, e.name, e.aliases, e.body_region AS region,
                   e.category, e.position, e.difficulty, e.clinic_id, e.status, e.movement_tags AS tags,
                   e.default_dose_sets AS sets, e.default_dose_reps AS reps, e.default_dose_hold_seconds AS hold_seconds,
                   e.default_dose_side AS side, e.default_dose_times_per_day AS times_per_day,
                   e.default_dose_days_per_week AS days_per_week, e.default_dose_rest_seconds AS rest_seconds,
                   e.default_dose_duration_minutes AS duration_minutes, e.default_dose_weekly_add_minutes AS weekly_add_minutes,
                   e.default_dose_goal_minutes AS goal_minutes, e.default_dose_load AS load, e.default_dose_note AS note,
                   coalesce(e.has_dose_numbers, false) AS has_dose_numbers, p.pose_json::text AS pose_json, p.image_sha256
            FROM ({ranking}) r
            JOIN exercises e ON e.id = r."Id"
            LEFT JOIN LATERAL (SELECT x.pose_json, x.image_sha256 FROM exercise_pictures x
                               WHERE x.exercise_id = e.id ORDER BY x.sort_order LIMIT 1) p ON true
            ORDER BY r."Score" DESC, e.name, e.id
            """;
        // Column names follow the context's snake_case convention, which EF applies to HitRow's properties too.
        var rows = await db.Database.SqlQueryRaw<HitRow>(sql, parameters).ToListAsync(ct);

        if (rows.Count == 0)
        {
            // Past the last page the window count is not available; count the matches so the pager stays right.
            var total = page == 1 ? 0 : await CountAsync(q, text, ct);
            return new ExerciseSearchResult([], total, page, pageSize);
        }
        return new ExerciseSearchResult(rows.Select(r => r.ToHit()).ToList(), (int)rows[0].Total, page, pageSize);
    }

    private async Task<int> CountAsync(ExerciseSearchQuery q, string text, CancellationToken ct)
    {
        var (sql, parameters) = BuildRankingSql(q, text, db.CurrentClinicId, 1, 1);
        var first = await db.Database.SqlQueryRaw<Ranked>(sql, parameters).ToListAsync(ct);
        return first.Count == 0 ? 0 : (int)first[0].Total;
    }

    internal static string Normalize(string? text)
    {
        var trimmed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return trimmed.Length > MaxTextLength ? trimmed[..MaxTextLength] : trimmed;
    }

    /// <summary>
    /// The SQL is assembled from fixed fragments only (which filters are present); every value is a parameter.
    /// Leaving absent filters out, rather than "@x IS NULL OR …", lets the planner pick the GIN indexes.
    /// </summary>
    private static (string Sql, object[] Parameters) BuildRankingSql(ExerciseSearchQuery q, string text, Guid clinicId,
        int page, int pageSize)
    {
        var parameters = new List<object>
        {
            new NpgsqlParameter("clinic", NpgsqlDbType.Uuid) { Value = clinicId },
            new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = pageSize },
            new NpgsqlParameter("skip", NpgsqlDbType.Integer) { Value = (page - 1) * pageSize },
        };
        var where = new StringBuilder("(e.clinic_id IS NULL OR e.clinic_id = @clinic)");
        void Filter(string name, object? value, NpgsqlDbType type, string condition)
        {
            if (value is null) return;
            parameters.Add(new NpgsqlParameter(name, type) { Value = value });
            where.Append(" AND ").Append(condition);
        }
        if (!q.IncludeArchived)
        {
            Filter("active", nameof(ExerciseStatus.Active), NpgsqlDbType.Text, "e.status = @active");
        }
        Filter("region", q.Region?.ToString(), NpgsqlDbType.Text, "e.body_region = @region");
        Filter("category", q.Category?.ToString(), NpgsqlDbType.Text, "e.category = @category");
        Filter("position", q.Position?.ToString(), NpgsqlDbType.Text, "e.position = @position");
        Filter("equipment", q.Equipment?.ToString(), NpgsqlDbType.Text, "@equipment = ANY (e.equipment)");
        Filter("difficulty", q.Difficulty, NpgsqlDbType.Integer, "e.difficulty = @difficulty");

        if (text.Length == 0)
        {
            // The page walks the (name, id) index and stops after it; the total is counted apart, index-only. A window
            // count here made every request read and sort all ~9,000 visible rows (27 ms on a loaded machine; 2.6 ms now).
            return ($"""
                SELECT e.id AS "Id", 0.0::float8 AS "Score", (SELECT count(*) FROM exercises e WHERE {where}) AS "Total"
                FROM exercises e
                WHERE {where}
                ORDER BY e.name, e.id
                LIMIT @take OFFSET @skip
                """, parameters.ToArray());
        }

        parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = text });
        parameters.Add(new NpgsqlParameter("lowered", NpgsqlDbType.Text) { Value = text.ToLowerInvariant() });
        var prefixQuery = PrefixQuery(text);
        parameters.Add(new NpgsqlParameter("words", NpgsqlDbType.Text) { Value = prefixQuery });
        // Two candidate sets, each driven by one GIN index: names close to the text (trigrams, typos allowed), and
        // exercises whose name, aliases, steps or tags contain the words (full text, word prefixes). Text-only matches
        // rank after every name match. word_similarity over search_text itself was measured at ~0.3 ms a row (long
        // text), so it is not used.
        // A name match's score is its class (exact 8, prefix 6, contains 4, typo 2) plus 2·word_similarity +
        // similarity (at most 3, and a contained text keeps word_similarity ≥ 0.6), so a higher class always ranks
        // above a lower one. Only the classes that reach this page are scored with the trigram functions: a broad
        // word such as "band" has ~2,000 name candidates (variants "… with band", and "and" in "standing" or "hand"),
        // and scoring them all cost ~15 µs a row (p50 40 ms). The rest only count towards the total.
        parameters.Add(new NpgsqlParameter("reach", NpgsqlDbType.Integer) { Value = page * pageSize });
        return ($"""
            WITH name_hits AS MATERIALIZED (
                SELECT e.id, e.name,
                       CASE WHEN lower(e.name) = @lowered THEN 8
                            WHEN starts_with(lower(e.name), @lowered) THEN 6
                            WHEN strpos(lower(e.name), @lowered) > 0 THEN 4
                            ELSE 2 END AS class
                FROM exercises e
                WHERE {where} AND @text <% e.name
            ), cut AS (
                SELECT coalesce(min(class), 0) AS class FROM (SELECT class FROM name_hits ORDER BY class DESC LIMIT @reach) reached
            ), text_hits AS (
                SELECT e.id, e.name, 1.0 AS score
                FROM exercises e
                WHERE {where} AND @words <> '' AND e.search_vector @@ to_tsquery('english', @words)
            ), hits AS (
                SELECT id, min(name) AS name, max(score) AS score
                FROM (SELECT id, name, class + CASE WHEN class >= (SELECT class FROM cut)
                                                    THEN 2 * word_similarity(@text, name) + similarity(@text, name) ELSE 0 END AS score
                      FROM name_hits
                      UNION ALL SELECT * FROM text_hits) both_sets
                GROUP BY id
            )
            SELECT id AS "Id", score::float8 AS "Score", count(*) OVER () AS "Total"
            FROM hits
            ORDER BY score DESC, name, id
            LIMIT @take OFFSET @skip
            """, parameters.ToArray());
    }

    /// <summary>"knee to che" → "knee:* &amp; to:* &amp; che:*": every word, as a prefix, letters and digits only.</summary>
    internal static string PrefixQuery(string text) => string.Join(" & ", System.Text.RegularExpressions.Regex
        .Matches(text, @"[\p{L}\p{N}]+").Select(m => m.Value.ToLowerInvariant() + ":*").Take(8));

    private sealed record Ranked(Guid Id, double Score, long Total);

    private sealed record HitRow(Guid Id, double Score, long Total, string Name, string[] Aliases, string Region,
        string Category, string Position, int Difficulty, Guid? ClinicId, string Status, string[] Tags, int Sets, int Reps,
        int HoldSeconds, int DurationMinutes, int WeeklyAddMinutes, int GoalMinutes, string Side, int TimesPerDay, int DaysPerWeek,
        int RestSeconds, string? Load, string? Note, bool HasDoseNumbers, string? PoseJson, string? ImageSha256)
    {
        public ExerciseSearchHit ToHit() => new(Id, Name, Aliases, Enum.Parse<BodyRegion>(Region),
            Enum.Parse<ExerciseCategory>(Category), Enum.Parse<BodyPosition>(Position), Difficulty, ClinicId is null,
            Enum.Parse<ExerciseStatus>(Status), PoseJson, ImageSha256,
            new Dose
            {
                Sets = Sets, Reps = Reps, HoldSeconds = HoldSeconds, DurationMinutes = DurationMinutes, WeeklyAddMinutes = WeeklyAddMinutes,
                GoalMinutes = GoalMinutes, Side = Enum.Parse<DoseSide>(Side), TimesPerDay = TimesPerDay, DaysPerWeek = DaysPerWeek,
                RestSeconds = RestSeconds, Load = Load, Note = Note,
            },
            Tags.Select(Enum.Parse<MovementTag>).ToList(), HasDoseNumbers);
    }
}
