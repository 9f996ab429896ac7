using Assay.Core.Records;
using Assay.Curation.Filters.Text;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Gopher;

/// <summary>
/// Gopher repetition rules (Rae et al. 2021, Table A1), in datatrove's order: paragraphs, lines,
/// top n-grams, duplicated n-grams. Every measure goes to signals before deciding.
/// </summary>
[StepName(Name, typeof(GopherRepetitionOptions), Description = "Gopher repetition: duplicate lines/paragraphs and top/duplicated word n-gram char fractions")]
public sealed class GopherRepetitionFilter(GopherRepetitionOptions options) : FilterStep
{
    public const string Name = "gopher_repetition_v1";
    private const string Signal = "gopher_repetition";

    private readonly int[] _topNs = [.. options.TopNGrams.Keys.Order()];
    private readonly int[] _dupNs = [.. options.DupNGrams.Keys.Order()];
    // Signal names made once, not per record.
    private readonly Dictionary<int, string> _topNames = options.TopNGrams.Keys.ToDictionary(n => n, n => $"top_{n}_gram_char_frac");
    private readonly Dictionary<int, string> _dupNames = options.DupNGrams.Keys.ToDictionary(n => n, n => $"dup_{n}_gram_char_frac");

    private GopherRepetitionMeasures? _last; // a step instance serves one task at a time: reuse its result object

    public override Verdict Judge(Record record)
    {
        var m = _last = GopherRepetitionMeasures.Compute(record.Text, Scratch.WordsOf(record.Text), _topNs, _dupNs, _last);
        Signals.Set(record, Signal, "dup_para_frac", m.DupParagraphFraction);
        Signals.Set(record, Signal, "dup_para_char_frac", m.DupParagraphCharFraction);
        Signals.Set(record, Signal, "dup_line_frac", m.DupLineFraction);
        Signals.Set(record, Signal, "dup_line_char_frac", m.DupLineCharFraction);
        foreach (var (n, f) in m.TopNGramCharFractions) Signals.Set(record, Signal, _topNames[n], f);
        foreach (var (n, f) in m.DupNGramCharFractions) Signals.Set(record, Signal, _dupNames[n], f);
        return Decide(m, options);
    }

    public static Verdict Decide(GopherRepetitionMeasures m, GopherRepetitionOptions o)
    {
        if (o.DupParaFrac is { } pf && m.DupParagraphFraction > pf) return Verdict.Remove("gopher_repetition:dup_para_frac");
        if (o.DupParaCharFrac is { } pc && m.DupParagraphCharFraction > pc) return Verdict.Remove("gopher_repetition:dup_para_char_frac");
        if (o.DupLineFrac is { } lf && m.DupLineFraction > lf) return Verdict.Remove("gopher_repetition:dup_line_frac");
        if (o.DupLineCharFrac is { } lc && m.DupLineCharFraction > lc) return Verdict.Remove("gopher_repetition:dup_line_char_frac");
        foreach (var (n, f) in m.TopNGramCharFractions)
            if (o.TopNGrams.TryGetValue(n, out double max) && f > max) return Verdict.Remove(TopReason(n));
        foreach (var (n, f) in m.DupNGramCharFractions)
            if (o.DupNGrams.TryGetValue(n, out double max) && f > max) return Verdict.Remove(DupReason(n));
        return Verdict.Kept;
    }

    // Reasons for the usual n made once: a removal per record would otherwise format a string.
    private static readonly string[] TopReasons = [.. Enumerable.Range(0, 16).Select(n => $"gopher_repetition:top_{n}_gram")];
    private static readonly string[] DupReasons = [.. Enumerable.Range(0, 16).Select(n => $"gopher_repetition:duplicated_{n}_n_grams")];

    private static string TopReason(int n) => (uint)n < (uint)TopReasons.Length ? TopReasons[n] : $"gopher_repetition:top_{n}_gram";
    private static string DupReason(int n) => (uint)n < (uint)DupReasons.Length ? DupReasons[n] : $"gopher_repetition:duplicated_{n}_n_grams";
}
