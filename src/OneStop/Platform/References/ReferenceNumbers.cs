using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Platform.References;

/// <summary>The next free number for one prefix and year; nodes take blocks of numbers from it.</summary>
public sealed class ReferenceCounter
{
    public required string Prefix { get; set; }
    public int Year { get; set; }
    public long Next { get; set; }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> entity)
    {
        entity.ToTable("ReferenceCounters");
        entity.HasKey(c => new { c.Prefix, c.Year });
        entity.Property(c => c.Prefix).HasMaxLength(16);
    }
}

public sealed class ReferenceOptions
{
    public const string Section = "References";

    /// <summary>
    /// Numbers a node takes from the database at a time. 1 keeps numbers in order with no gaps but makes every
    /// submission wait on one row; a larger block lets submissions run side by side, at the cost of gaps when a
    /// node stops with numbers unused, and numbers from different nodes interleaving.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int BlockSize { get; set; } = 20;

    /// <summary>
    /// Under load a node's blocks grow up to this: a block used up within a second makes the next one twice as
    /// large, one that lasted a minute makes it half (never below <see cref="BlockSize"/>). A block size of 1 never grows.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int MaxBlockSize { get; set; } = 1_000;
}

/// <summary>
/// Reference numbers such as <c>TD-2026-000123</c>: the department's prefix, the year in Hong Kong and a
/// number unique across every node. Each block is taken by one atomic UPDATE … RETURNING in its own short
/// transaction (both SQLite and PostgreSQL run it), so the counter row is never held while a submission's
/// own transaction runs; a node hands out its block from memory.
/// </summary>
public sealed class ReferenceNumbers(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReferenceOptions> options)
{
    private readonly ConcurrentDictionary<(string, int), Block> _blocks = new();

    public async Task<string> NextAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var year = HongKongTime.Today(clock).Year;
        var block = _blocks.GetOrAdd((prefix, year), _ => new Block());
        long number;
        await block.Gate.WaitAsync(cancellationToken);
        try
        {
            if (block.Next >= block.End)
            {
                var size = NextSize(block);
                var end = await TakeAsync(prefix, year, size, cancellationToken);
                (block.Next, block.End, block.Size, block.TakenAt) = (end - size, end, size, clock.GetUtcNow());
            }
            number = block.Next++;
        }
        finally
        {
            block.Gate.Release();
        }
        return $"{prefix}-{year}-{number:000000}";
    }

    // A thousand submissions a second would otherwise take a block of 20 fifty times a second, each a transaction
    // of its own that every submission for the prefix waits behind.
    private int NextSize(Block block)
    {
        var (minimum, maximum) = (options.Value.BlockSize, Math.Max(options.Value.BlockSize, options.Value.MaxBlockSize));
        if (block.Size == 0 || minimum == 1) return minimum;
        var lasted = clock.GetUtcNow() - block.TakenAt;
        if (lasted < TimeSpan.FromSeconds(1)) return Math.Min(block.Size * 2, maximum);
        if (lasted > TimeSpan.FromMinutes(1)) return Math.Max(block.Size / 2, minimum);
        return block.Size;
    }

    /// <summary>Reserves <paramref name="size"/> numbers and returns the end of the block (exclusive).</summary>
    private async Task<long> TakeAsync(string prefix, int year, int size, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        Task<List<long>> Update() => db.Database.SqlQuery<long>(
            $"""UPDATE "ReferenceCounters" SET "Next" = "Next" + {size} WHERE "Prefix" = {prefix} AND "Year" = {year} RETURNING "Next" AS "Value" """)
            .ToListAsync(cancellationToken);
        if (await Update() is [var end]) return end;
        // The first block of the prefix this year: numbers start at 1. The insert is a no-op when another node made the row first.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ReferenceCounters" ("Prefix", "Year", "Next") VALUES ({prefix}, {year}, 1) ON CONFLICT DO NOTHING""", cancellationToken);
        return (await Update()).Single();
    }

    private sealed class Block
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long Next;
        public long End;
        public int Size;
        public DateTimeOffset TakenAt;
    }
}
