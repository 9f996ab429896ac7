using System.Text;
using Assay.Core.Records;
using Assay.Curation.Filters.Text;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.C4;

/// <summary>
/// C4's line filtering (Raffel et al. 2020; datatrove C4QualityFilter's line loop) as a rewrite: lines
/// failing a rule are dropped, kept lines are stripped and joined with '\n' (then the whole text
/// stripped), as datatrove sets <c>doc.text</c>. Returns the number of chars removed. Run
/// <c>c4_quality_v1</c> after it for the document rules.
/// </summary>
[StepName(Name, typeof(C4LinesOptions), Description = "C4 line filter: drops lines without terminal punctuation, with < 3 words, javascript or policy text")]
public sealed class C4LinesRewrite(C4LinesOptions options) : RewriteStep
{
    public const string Name = "c4_lines_v1";
    private const string Signal = "c4_lines";

    [ThreadStatic] private static StringBuilder? _builder;

    public override long Rewrite(Record record)
    {
        string text = record.Text;
        var result = Apply(text, options, out var counts);
        Signals.Set(record, Signal, "lines_total", counts.Total);
        Signals.Set(record, Signal, "lines_kept", counts.Kept);
        Signals.Set(record, Signal, "too_long_word", counts.TooLongWord);
        Signals.Set(record, Signal, "no_terminal_punct", counts.NoTerminalPunct);
        Signals.Set(record, Signal, "too_few_words", counts.TooFewWords);
        Signals.Set(record, Signal, "javascript", counts.Javascript);
        Signals.Set(record, Signal, "policy", counts.Policy);
        if (ReferenceEquals(result, text)) return 0;
        record.Text = result;
        return text.Length - result.Length;
    }

    /// <summary>Counts of lines per outcome.</summary>
    public readonly record struct LineCounts(int Total, int Kept, int TooLongWord, int NoTerminalPunct, int TooFewWords, int Javascript, int Policy);

    /// <summary>The rewritten text; the same instance when nothing changed.</summary>
    public static string Apply(string text, C4LinesOptions options, out LineCounts counts)
    {
        var sb = _builder ??= new StringBuilder();
        sb.Clear();
        var lines = Scratch.Lines;
        PythonText.SplitLines(text, lines);
        Span<int> byOutcome = stackalloc int[6];
        foreach (var range in lines)
        {
            var outcome = C4LineRules.Judge(text.AsSpan(range), options, out var kept);
            byOutcome[(int)outcome]++;
            if (outcome != C4LineOutcome.Kept) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(kept);
        }
        counts = new LineCounts(lines.Count, byOutcome[0], byOutcome[1], byOutcome[2], byOutcome[3], byOutcome[4], byOutcome[5]);
        // "\n".join(kept).strip(): only the ends can carry whitespace (kept lines are stripped), i.e. empty kept lines.
        var joined = PythonText.Strip(ToSpan(sb));
        if (joined.SequenceEqual(text)) return text;
        return joined.ToString();
    }

    private static ReadOnlySpan<char> ToSpan(StringBuilder sb)
    {
        // Single chunk in practice after Clear(); fall back to a copy otherwise.
        foreach (var chunk in sb.GetChunks())
            if (chunk.Length == sb.Length) return chunk.Span;
        return sb.ToString();
    }
}
