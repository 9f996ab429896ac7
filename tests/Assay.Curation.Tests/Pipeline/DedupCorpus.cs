using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Curation.Tests.Pipeline;

/// <summary>
/// A synthetic corpus with planted duplicates for the barrier tests: fresh 60-word documents, exact
/// copies in upper case (equal after normalization), and near copies with one word replaced (5-gram
/// Jaccard ≈ 0.85), spread over two shards so duplicates cross shards and tasks.
/// </summary>
internal static class DedupCorpus
{
    public static List<string> Texts(int n, int seed)
    {
        var rng = new Random(seed);
        var texts = new List<string>(n);
        var fresh = new List<string>();
        for (int i = 0; i < n; i++)
        {
            string text;
            if (i % 5 == 3 && fresh.Count > 0)
            {
                text = fresh[rng.Next(fresh.Count)].ToUpperInvariant();
            }
            else if (i % 5 == 4 && fresh.Count > 0)
            {
                var words = fresh[rng.Next(fresh.Count)].Split(' ');
                words[words.Length / 2] = "replaced" + i;
                text = string.Join(' ', words);
            }
            else
            {
                text = string.Join(' ', Enumerable.Range(0, 60).Select(_ => "w" + rng.Next(2000)));
                fresh.Add(text);
            }
            texts.Add(text);
        }
        return texts;
    }

    /// <summary>Records r-0000.. alternately into in/a.jsonl and in/b.jsonl.</summary>
    public static void Write(string dir, int n, int seed = 5)
    {
        var texts = Texts(n, seed);
        using var a = new ShardWriter(Path.Combine(dir, "in", "a.jsonl"));
        using var b = new ShardWriter(Path.Combine(dir, "in", "b.jsonl"));
        for (int i = 0; i < n; i++) (i % 2 == 0 ? a : b).Write(new Record($"r-{i:D4}", texts[i]));
        a.Complete();
        b.Complete();
    }
}
