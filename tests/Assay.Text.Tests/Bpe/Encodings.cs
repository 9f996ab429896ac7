using System.Collections.Concurrent;
using Assay.Text.Bpe;

namespace Assay.Text.Tests.Bpe;

/// <summary>Loads each js-tiktoken encoding once per test run.</summary>
internal static class Encodings
{
    private static readonly ConcurrentDictionary<string, Lazy<TiktokenEncoding>> Cache = new();

    public static TiktokenEncoding Get(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<TiktokenEncoding>(() => TiktokenEncoding.Load(n, NpmCache.JsTiktokenModules()))).Value;
}
