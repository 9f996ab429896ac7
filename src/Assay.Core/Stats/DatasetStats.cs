using System.Security.Cryptography;
using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Progress;
using Assay.Core.Records;

namespace Assay.Core.Stats;

/// <summary>
/// One streaming pass over a dataset: counts, length distributions, per-source and per-label
/// breakdowns; and, when there is a manifest, checks that it is still true (counts, checksums).
/// </summary>
public static class DatasetStats
{
    public static DatasetStatsResult Compute(DatasetInput input, ReadOptions options, IProgress<ProgressInfo>? progress = null,
        CancellationToken ct = default, StatsProbes? probes = null)
    {
        var res = new DatasetStatsResult { Dataset = input.Spec, Shards = input.Shards.Count };
        if (probes?.CountTokens is not null) { res.Tokenizer = probes.TokenizerName; res.Tokens = 0; }
        if (probes?.IdentifyLanguage is not null) { res.LanguageModel = probes.LanguageModelName; res.Languages = new(StringComparer.Ordinal); }
        var throttle = new ThrottledProgress(progress);
        long totalBytes = input.Shards.Sum(FileSize.Of);
        long doneBytes = 0;
        if (options.Ids is null) options = options with { Ids = new IdGuard() };
        foreach (var shard in input.Shards)
        {
            long n = 0;
            foreach (var r in ShardReader.Read(shard, options))
            {
                ct.ThrowIfCancellationRequested();
                Add(res, r);
                if (probes is not null) Probe(res, probes, r.Text);
                if ((++n & 1023) == 0) throttle.Report(new ProgressInfo("read", doneBytes, totalBytes, "bytes"));
            }
            doneBytes += FileSize.Of(shard);
            throttle.Report(new ProgressInfo("read", doneBytes, totalBytes, "bytes"), force: true);
            if (input.Manifest is { } m) CheckShard(res, m, shard, n);
        }
        if (input.Manifest is { } manifest && manifest.Records != res.Records && options.OnError == OnError.Fail)
            res.ManifestChecks.Add($"manifest says {manifest.Records} records, found {res.Records}");
        res.Quarantined = options.Quarantine?.Count ?? 0;
        res.CharsPerRecord = DatasetStatsResult.Summary.Of(res.CharBins);
        res.WordsPerRecord = DatasetStatsResult.Summary.Of(res.WordBins);
        if (res.Tokens is not null) res.TokensPerRecord = DatasetStatsResult.Summary.Of(res.TokenBins);
        return res;
    }

    private static void Probe(DatasetStatsResult res, StatsProbes probes, string text)
    {
        if (probes.CountTokens is { } count)
        {
            int n = count(text);
            res.Tokens += n;
            res.TokenBins.Add(n);
        }
        if (probes.IdentifyLanguage is { } identify)
        {
            var lang = text.Length == 0 ? "(empty)" : identify(text);
            res.Languages![lang] = res.Languages.GetValueOrDefault(lang) + 1;
        }
    }

    private static void CheckShard(DatasetStatsResult res, DatasetManifest m, string shard, long records)
    {
        var entry = m.Shards.FirstOrDefault(s => s.Path == Path.GetFileName(shard));
        if (entry is null) return;
        if (entry.Records != records) res.ManifestChecks.Add($"{entry.Path}: manifest says {entry.Records} records, read {records}");
        using var f = File.OpenRead(shard);
        var sha = Convert.ToHexStringLower(SHA256.HashData(f));
        if (sha != entry.Sha256) res.ManifestChecks.Add($"{entry.Path}: sha256 differs from the manifest (file changed since it was written)");
    }

    private static void Add(DatasetStatsResult res, Record r)
    {
        res.Records++;
        var text = r.Text;
        int words = CountWords(text, res.WordLength);
        res.Chars += text.Length;
        res.Words += words;
        res.Utf8Bytes += System.Text.Encoding.UTF8.GetByteCount(text);
        if (text.Length == 0) res.EmptyTexts++;
        if (r.Features is { } f)
        {
            res.WithFeatures++;
            res.FeatureDims[f.Length] = res.FeatureDims.GetValueOrDefault(f.Length) + 1;
        }
        res.CharBins.Add(text.Length);
        res.WordBins.Add(words);
        Bump(res.BySource, r.Source ?? "(none)", words, text.Length);
        Bump(res.ByLabel, r.Label.Key ?? "(none)", words, text.Length);
    }

    private static void Bump(SortedDictionary<string, DatasetStatsResult.Breakdown> d, string key, long words, long chars)
    {
        if (!d.TryGetValue(key, out var b)) d[key] = b = new DatasetStatsResult.Breakdown();
        b.Records++;
        b.Words += words;
        b.Chars += chars;
    }

    /// <summary>Whitespace-separated words; word lengths (in chars, capped at 30) go to <paramref name="lengths"/>.</summary>
    internal static int CountWords(string text, SortedDictionary<int, long> lengths)
    {
        int words = 0, len = 0;
        Span<long> local = stackalloc long[31];
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (len > 0) { words++; local[Math.Min(len, 30)]++; len = 0; }
            }
            else len++;
        }
        if (len > 0) { words++; local[Math.Min(len, 30)]++; }
        for (int i = 1; i < 31; i++) if (local[i] > 0) lengths[i] = lengths.GetValueOrDefault(i) + local[i];
        return words;
    }
}
