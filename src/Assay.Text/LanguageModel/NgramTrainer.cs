using System.Globalization;
using Assay.Core.Progress;

namespace Assay.Text.LanguageModel;

/// <summary>
/// Trains a modified Kneser–Ney LM from documents (each one sentence: &lt;s&gt; words &lt;/s&gt;):
/// counting spills to disk in bounded chunks (<see cref="NgramCounter"/>), then
/// <see cref="KneserNeyEstimator"/> turns the merged counts into probabilities. The estimated model
/// itself is held in memory.
/// </summary>
public static class NgramTrainer
{
    /// <summary>Trains over words (<see cref="WordTokenizer"/>: lowercased, punctuation split off).</summary>
    /// <param name="expectedDocuments">for progress only (e.g. the manifest's record count)</param>
    public static NgramModel TrainText(IEnumerable<string> documents, NgramOptions options, IProgress<ProgressInfo>? progress = null, CancellationToken ct = default, long? expectedDocuments = null)
    {
        var vocab = new NgramVocabulary();
        var ids = new List<int>();
        return Train(vocab, documents.Select(doc =>
        {
            ids.Clear();
            WordTokenizer.Tokenize(doc, t => ids.Add(vocab.GetOrAdd(t)));
            return ids;
        }), options, progress, ct, expectedDocuments);
    }

    /// <summary>Trains over token ids (e.g. BPE output); in the ARPA file each token is written as its decimal id.</summary>
    public static NgramModel TrainTokens(IEnumerable<int[]> documents, NgramOptions options, IProgress<ProgressInfo>? progress = null, CancellationToken ct = default, long? expectedDocuments = null)
    {
        var vocab = new NgramVocabulary();
        var ids = new List<int>();
        var map = new Dictionary<int, int>();
        return Train(vocab, documents.Select(doc =>
        {
            ids.Clear();
            Span<char> buf = stackalloc char[16];
            foreach (int t in doc)
            {
                if (!map.TryGetValue(t, out int id))
                {
                    t.TryFormat(buf, out int n, provider: CultureInfo.InvariantCulture);
                    map[t] = id = vocab.GetOrAdd(buf[..n]);
                }
                ids.Add(id);
            }
            return ids;
        }), options, progress, ct, expectedDocuments);
    }

    private static NgramModel Train(NgramVocabulary vocab, IEnumerable<List<int>> sentences, NgramOptions options, IProgress<ProgressInfo>? progress, CancellationToken ct, long? total)
    {
        options.Validate();
        using var counter = new NgramCounter(options.Order, options.MaxGramsInMemory, options.TempDirectory);
        long docs = 0;
        foreach (var s in sentences)
        {
            ct.ThrowIfCancellationRequested();
            counter.AddSentence(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s));
            if (++docs % 1000 == 0) progress?.Report(new ProgressInfo("count", docs, total, "documents"));
        }
        progress?.Report(new ProgressInfo("count", docs, total, "documents"));
        progress?.Report(new ProgressInfo("estimate", 0, options.Order, "orders"));
        var model = KneserNeyEstimator.Estimate(counter.Merged(), options.Order, vocab, options, ct);
        progress?.Report(new ProgressInfo("estimate", options.Order, options.Order, "orders"));
        model.Stats = new NgramTrainingStats(docs, counter.Tokens, counter.RunCount);
        return model;
    }
}
