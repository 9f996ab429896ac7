using Assay.Learn.Gpt;

namespace Assay.Learn.Analysis;

/// <summary>
/// Scores whole documents of any length: the document is preceded by a context token (usually
/// end-of-text) so its first token is scored too, then cut into consecutive windows of up to
/// n_positions predictions, run as rows of one batch (the last row padded; causal attention keeps
/// padding from touching real positions). Windows do not overlap, so tokens early in a window see
/// less context than in one long pass (the usual non-overlapping perplexity estimate).
/// </summary>
public static class GptScorer
{
    /// <summary>Windows per forward pass: bounds the (B, T, V) logits buffer.</summary>
    private const int MaxRows = 16;

    public static SequenceScore Score(GptModel model, ReadOnlySpan<int> document, int contextToken)
    {
        if (document.IsEmpty) return new SequenceScore(0, 0);
        var seq = new int[document.Length + 1];
        seq[0] = contextToken;
        document.CopyTo(seq.AsSpan(1));
        int t = Math.Min(model.Config.MaxSeqLen, document.Length);
        int v = model.Config.VocabSize;
        int windows = (document.Length + t - 1) / t;
        double total = 0;
        for (int w0 = 0; w0 < windows; w0 += MaxRows)
        {
            int b = Math.Min(MaxRows, windows - w0);
            var inputs = new int[b * t];
            var targets = new int[b * t];
            Array.Fill(targets, -1);
            for (int r = 0; r < b; r++)
            {
                int start = (w0 + r) * t;
                int len = Math.Min(t, document.Length - start);
                seq.AsSpan(start, len).CopyTo(inputs.AsSpan(r * t));
                seq.AsSpan(start + 1, len).CopyTo(targets.AsSpan(r * t));
            }
            model.Forward(inputs, [], b, t);
            var logits = model.Logits;
            for (int i = 0; i < b * t; i++)
                if (targets[i] >= 0) total += GptModel.LogSoftmaxAt(logits.Slice(i * v, v), targets[i]);
        }
        return new SequenceScore(total, document.Length);
    }
}
