using Assay.Learn.Gpt;

namespace Assay.Learn.Analysis;

/// <summary>
/// Scores whole documents of any length: the document is preceded by a context token (usually
/// end-of-text) so its first token is scored too, then cut into consecutive windows of up to
/// n_positions predictions. Windows do not overlap, so tokens early in a window see less context
/// than they would in one long pass (the usual non-overlapping perplexity estimate).
/// </summary>
public static class GptScorer
{
    public static SequenceScore Score(GptModel model, ReadOnlySpan<int> document, int contextToken)
    {
        if (document.IsEmpty) return new SequenceScore(0, 0);
        var seq = new int[document.Length + 1];
        seq[0] = contextToken;
        document.CopyTo(seq.AsSpan(1));
        int window = model.Config.MaxSeqLen;
        double total = 0;
        int count = 0;
        for (int start = 0; start < document.Length; start += window)
        {
            int len = Math.Min(window, document.Length - start);
            foreach (float lp in model.TokenLogProbs(seq.AsSpan(start, len + 1))) total += lp;
            count += len;
        }
        return new SequenceScore(total, count);
    }
}
