using System.Buffers;

namespace OneStop.Catalogue.Search;

/// <summary>Hits in a buffer rented from the shared pool; dispose to give it back.</summary>
public readonly struct PooledHits(SearchHit[]? buffer, int count) : IDisposable
{
    public static PooledHits Empty => default;

    public int Count => count;

    public ReadOnlySpan<SearchHit> Span => buffer is null ? [] : buffer.AsSpan(0, count);

    public void Dispose()
    {
        if (buffer is not null) ArrayPool<SearchHit>.Shared.Return(buffer);
    }
}
