using System.Text;

namespace Assay.Text.FastText;

/// <summary>
/// fastText's supervised recipe on one thread: bag of words (plus hashed character and word
/// n-grams), averaged embeddings, a linear layer with softmax or hierarchical softmax, plain SGD
/// whose learning rate decays linearly to 0 over all epochs. The same seed gives the same model.
/// </summary>
public static class FastTextTrainer
{
    public static FastTextModel Train(IEnumerable<(string Text, string Label)> examples, FastTextTrainOptions options,
        IProgress<FastTextTrainProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var data = examples.Select(e => (Text: OneLine(e.Text), Label: LabelName(e.Label))).ToList();
        if (data.Count == 0)
            throw new ArgumentException("no training examples", nameof(examples));

        var args = MakeArgs(options);
        var dict = BuildDictionary(data, args, options.MinCount);
        var encoded = TrainingSet.Encode(data, dict);
        if (dict.NLabels < 1)
            throw new ArgumentException("no labels", nameof(examples));

        var rng = new SplitMix64((ulong)options.Seed);
        var input = new DenseMatrix(dict.NWords + (long)args.Bucket, args.Dim);
        float bound = 1f / args.Dim;
        for (int i = 0; i < input.Data.Length; i++)
            input.Data[i] = (rng.NextFloat() * 2f - 1f) * bound;
        var output = new DenseMatrix(dict.NLabels, args.Dim);

        var learner = new SupervisedLearner(input, output, options.Loss, dict.LabelCounts());
        learner.Run(encoded, options, ref rng, progress, cancellationToken);
        return new FastTextModel(args, dict, input, output);
    }

    private static FastTextArgs MakeArgs(FastTextTrainOptions o) => new(
        Dim: o.Dim, Ws: 5, Epoch: o.Epoch, MinCount: o.MinCount, Neg: 5, WordNgrams: o.WordNgrams,
        Loss: o.Loss, Model: FastTextModelKind.Supervised,
        // As fastText: without character or word n-grams no bucket rows are needed.
        Bucket: o.WordNgrams <= 1 && o.Maxn == 0 ? 0 : o.Bucket,
        Minn: o.Minn, Maxn: o.Maxn, LrUpdateRate: o.LrUpdateRate, SamplingThreshold: 1e-4);

    /// <summary>fastText trains on lines; a newline inside an example would split it, so it becomes a space.</summary>
    private static string OneLine(string text) => text.Contains('\n') ? text.Replace('\n', ' ') : text;

    private static string LabelName(string label)
    {
        if (string.IsNullOrEmpty(label) || label.AsSpan().IndexOfAny(" \n\r\t\v\f\0") >= 0)
            throw new ArgumentException($"label '{label}' is empty or contains whitespace, which fastText's format cannot hold");
        return label.StartsWith(FastTextArgs.LabelPrefix, StringComparison.Ordinal) ? label : FastTextArgs.LabelPrefix + label;
    }

    private static FastTextDictionary BuildDictionary(List<(string Text, string Label)> data, FastTextArgs args, int minCount)
    {
        var words = new Dictionary<string, (long Count, int First)>(StringComparer.Ordinal);
        var labels = new Dictionary<string, (long Count, int First)>(StringComparer.Ordinal);
        // Count through a span lookup: a string is made only for a word seen for the first time.
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        long ntokens = 0;
        foreach (var (text, label) in data)
        {
            var rest = text.AsSpan();
            while (true)
            {
                int start = rest.IndexOfAnyExcept(Separators);
                if (start < 0)
                    break;
                rest = rest[start..];
                int end = rest.IndexOfAny(Separators);
                var word = end < 0 ? rest : rest[..end];
                rest = end < 0 ? default : rest[end..];
                ntokens++;
                if (word.StartsWith(FastTextArgs.LabelPrefix, StringComparison.Ordinal))
                    continue;
                lookup[word] = lookup.TryGetValue(word, out var e) ? (e.Count + 1, e.First) : (1, words.Count);
            }
            Bump(words, "</s>");
            Bump(labels, label);
            ntokens += 2;
        }
        var keptWords = words.Where(kv => kv.Value.Count >= minCount).OrderBy(kv => kv.Value.First)
            .Select(kv => (Encoding.UTF8.GetBytes(kv.Key), kv.Value.Count)).ToList();
        var keptLabels = labels.OrderBy(kv => kv.Value.First).Select(kv => (Encoding.UTF8.GetBytes(kv.Key), kv.Value.Count)).ToList();
        return FastTextDictionary.Build(args, keptWords, keptLabels, ntokens);
    }

    /// <summary>fastText's token separators (the newline never occurs here: examples are single lines).</summary>
    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" \r\t\v\f\0");

    private static void Bump(Dictionary<string, (long Count, int First)> counts, string key)
    {
        counts[key] = counts.TryGetValue(key, out var e) ? (e.Count + 1, e.First) : (1, counts.Count);
    }
}
