using Assay.Core.Datasets;
using Assay.Core.Hashing;
using Assay.Core.IO;
using Assay.Core.Records;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Mixing;

/// <summary>
/// Mixes sources to target proportions by tokens. Each source s gets a rate r = target_s / tokens_s;
/// a record is written floor(r) times plus once more when its stable hash u(id, seed) in [0,1) is
/// below frac(r) — deterministic down- and up-sampling. Copy k is written in pass k (so repeats are
/// spread out, not adjacent) with id <c>ID#k</c> and <c>meta.mix_copy = k</c>, keeping ids unique.
/// Without a total, the total is the largest one needing no upsampling; with one, rates above
/// max_repeat are capped and the achieved shares say so.
/// </summary>
public static class Mixer
{
    public static MixResult Run(IReadOnlyList<MixInput> inputs, MixSpec spec, string output, ulong seed = 0,
        Compression compression = Compression.None, Lineage? lineage = null, CancellationToken ct = default)
    {
        var resolved = inputs.Select(i => (Input: DatasetInput.Resolve(i.Spec), i.Source)).ToList();

        // Pass 1: tokens and records per source.
        var tokens = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var records = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (r, source) in Read(resolved, ct))
        {
            tokens[source] = tokens.GetValueOrDefault(source) + WhitespaceTokens.Count(r.Text);
            records[source] = records.GetValueOrDefault(source) + 1;
        }
        var unweighted = records.Keys.Where(s => !spec.Weights.ContainsKey(s)).ToList();
        if (unweighted.Count > 0)
            throw new ArgumentException($"records of source(s) {string.Join(", ", unweighted.Select(s => $"'{s}'"))} have no mix weight; give each a weight (0 drops it)");
        var missing = spec.Weights.Where(w => w.Value > 0 && tokens.GetValueOrDefault(w.Key) == 0).Select(w => w.Key).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"mix weight for {string.Join(", ", missing.Select(s => $"'{s}'"))} but no tokens of that source; sources present: {string.Join(", ", tokens.Keys)}");

        double weightSum = spec.Weights.Values.Sum();
        var share = spec.Weights.ToDictionary(w => w.Key, w => w.Value / weightSum, StringComparer.Ordinal);
        long total = spec.TotalTokens ?? (long)Math.Floor(share.Where(s => s.Value > 0).Min(s => tokens[s.Key] / s.Value));
        var rate = new Dictionary<string, double>(StringComparer.Ordinal);
        var capped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (s, w) in share)
        {
            if (w == 0) { rate[s] = 0; continue; }
            double r = w * total / tokens[s];
            if (r > spec.MaxRepeat) { r = spec.MaxRepeat; capped.Add(s); }
            rate[s] = r;
        }

        // Passes 2..: copy k of every record whose copy count exceeds k.
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var outTokens = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var outRecords = new SortedDictionary<string, long>(StringComparer.Ordinal);
        int passes = (int)Math.Ceiling(rate.Values.DefaultIfEmpty(0).Max());
        using (var writer = new DatasetWriter(output, compression))
        {
            for (int k = 0; k < Math.Max(1, passes); k++)
            {
                foreach (var (r, source) in Read(resolved, ct))
                {
                    if (Copies(r.Id, rate[source], seed) <= k) continue;
                    if (k > 0)
                    {
                        r.Id = $"{r.Id}#{k}";
                        r.Meta["mix_copy"] = k;
                    }
                    writer.Write(r);
                    outTokens[source] = outTokens.GetValueOrDefault(source) + WhitespaceTokens.Count(r.Text);
                    outRecords[source] = outRecords.GetValueOrDefault(source) + 1;
                }
            }
            writer.Complete(Path.GetFileName(Path.TrimEndingDirectorySeparator(output)), lineage, "token-weighted mix of " + string.Join(", ", share.Keys));
        }

        long outTotal = outTokens.Values.Sum();
        var results = share.Keys.Select(s => new MixSourceResult(
            s, records.GetValueOrDefault(s), tokens.GetValueOrDefault(s), Math.Round(share[s], 6), (long)Math.Round(share[s] * total), Math.Round(rate[s], 6),
            outRecords.GetValueOrDefault(s), outTokens.GetValueOrDefault(s),
            outTotal == 0 ? 0 : Math.Round((double)outTokens.GetValueOrDefault(s) / outTotal, 6), capped.Contains(s))).ToList();
        var result = new MixResult(output, total, outTotal, outRecords.Values.Sum(), results);
        Core.Reports.StatsJson.Write(Path.Combine(output, MixResult.FileName), result);
        return result;
    }

    /// <summary>How many times a record is written at <paramref name="rate"/>: floor(rate), plus one when u(id) &lt; frac(rate).</summary>
    public static int Copies(string id, double rate, ulong seed)
    {
        int whole = (int)Math.Floor(rate);
        double frac = rate - whole;
        double u = (XxHash64.HashString(id, seed ^ 0x6D69785F76315FUL) >> 11) * (1.0 / (1UL << 53));
        return whole + (u < frac ? 1 : 0);
    }

    private static IEnumerable<(Record Record, string Source)> Read(List<(DatasetInput Input, string? Source)> inputs, CancellationToken ct)
    {
        long n = 0;
        foreach (var (input, source) in inputs)
            foreach (var r in DatasetReader.Read(input))
            {
                if ((++n & 4095) == 0) ct.ThrowIfCancellationRequested();
                if (source is not null) r.Source = source;
                yield return (r, r.Source ?? "");
            }
    }
}
