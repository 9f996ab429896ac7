using System.Text;

namespace Assay.Text.FastText;

/// <summary>Examples turned into input-row ids once, so epochs only do arithmetic.</summary>
internal sealed class TrainingSet
{
    private TrainingSet(int[] ids, int[] start, int[] labels, int[] tokens)
    {
        Ids = ids;
        Start = start;
        Labels = labels;
        Tokens = tokens;
    }

    public int[] Ids { get; }
    public int[] Start { get; }
    public int[] Labels { get; }

    /// <summary>Tokens per example as fastText counts them for the learning-rate schedule (words, &lt;/s&gt;, label).</summary>
    public int[] Tokens { get; }

    public int Count => Labels.Length;
    public long TotalTokens => Tokens.Sum(t => (long)t);
    public ReadOnlySpan<int> Row(int i) => Ids.AsSpan(Start[i], Start[i + 1] - Start[i]);

    public static TrainingSet Encode(List<(string Text, string Label)> data, FastTextDictionary dict)
    {
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < dict.NLabels; i++)
            labelIds[dict.Label(i)] = i;
        var ids = new List<int>();
        var start = new int[data.Count + 1];
        var labels = new int[data.Count];
        var tokens = new int[data.Count];
        var line = new LineBuffer();
        for (int i = 0; i < data.Count; i++)
        {
            tokens[i] = dict.GetLine(Encoding.UTF8.GetBytes(data[i].Text), line) + 1;
            ids.AddRange(line.IdSpan);
            start[i + 1] = ids.Count;
            labels[i] = labelIds[data[i].Label];
        }
        return new TrainingSet(ids.ToArray(), start, labels, tokens);
    }
}
