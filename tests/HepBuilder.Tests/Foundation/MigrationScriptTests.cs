using HepBuilder.Data;
using HepBuilder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HepBuilder.Tests.Foundation;

public sealed class MigrationScriptTests
{
    [Fact]
    public void Db_migrations_sql_matches_the_migrations()
    {
        using var db = new DesignTimeFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var path = Path.Combine(RepoRoot.Path, "db", "migrations.sql");
        var actual = File.ReadAllText(path);
        Assert.True(Normalize(expected) == Normalize(actual),
            "db/migrations.sql is stale: run scripts/generate-migrations-sql and commit the result.");
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var db = new DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: the model differs from the last one.");
    }

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n").Trim('\uFEFF', '\n', ' ');
}
