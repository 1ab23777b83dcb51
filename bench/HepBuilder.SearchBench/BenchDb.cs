using HepBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace HepBuilder.SearchBench;

internal static class BenchDb
{
    /// <summary>The app's own provider settings (snake case, Npgsql), without the web host.</summary>
    public static DbContextOptions<HepDbContext> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<HepDbContext>();
        HepDbOptions.Configure(builder, connectionString);
        return builder.Options;
    }
}
