using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Gopher;

/// <summary>
/// Gopher quality rules (Rae et al. 2021, appendix A.1.1), checked in datatrove's order so the first
/// failing rule names the reason. All measures are written to signals, whether the record stays or not.
/// </summary>
[StepName(Name, typeof(GopherQualityOptions), Description = "Gopher quality heuristics: word count, word length, symbols, bullets, ellipses, alphabetic words, stop words")]
public sealed class GopherQualityFilter(GopherQualityOptions options) : FilterStep
{
    public const string Name = "gopher_quality_v1";
    private const string Signal = "gopher_quality";

    private readonly HashSet<string> _stopWords = options.StopWords is null
        ? GopherQualityMeasures.DefaultStopWordSet
        : new HashSet<string>(options.StopWords, StringComparer.Ordinal);

    public override Verdict Judge(Record record)
    {
        var m = GopherQualityMeasures.Compute(record.Text, _stopWords);
        Signals.Set(record, Signal, "word_count", m.NonSymbolWords);
        Signals.Set(record, Signal, "mean_word_length", double.IsNaN(m.MeanWordLength) ? 0 : m.MeanWordLength);
        Signals.Set(record, Signal, "hash_ratio", Finite(m.HashRatio));
        Signals.Set(record, Signal, "ellipsis_ratio", Finite(m.EllipsisRatio));
        Signals.Set(record, Signal, "bullet_lines_ratio", m.BulletLinesRatio);
        Signals.Set(record, Signal, "ellipsis_lines_ratio", m.EllipsisLinesRatio);
        Signals.Set(record, Signal, "alpha_words_ratio", m.AlphaWordsRatio);
        Signals.Set(record, Signal, "stop_words", m.StopWords);
        return Decide(m, options);
    }

    /// <summary>The decision alone, from measures: datatrove's rule order and comparison operators.</summary>
    public static Verdict Decide(in GopherQualityMeasures m, GopherQualityOptions o)
    {
        if (o.MinDocWords is { } minWords && m.NonSymbolWords < minWords) return Verdict.Remove("gopher_quality:short_doc");
        if (o.MaxDocWords is { } maxWords && m.NonSymbolWords > maxWords) return Verdict.Remove("gopher_quality:long_doc");
        // NaN mean (no words) compares false both ways, as in numpy.
        if (o.MinAvgWordLength is { } minLen && m.MeanWordLength < minLen) return Verdict.Remove("gopher_quality:below_avg_word_length");
        if (o.MaxAvgWordLength is { } maxLen && m.MeanWordLength > maxLen) return Verdict.Remove("gopher_quality:above_avg_word_length");
        if (o.MaxSymbolWordRatio is { } sym && m.HashRatio > sym) return Verdict.Remove("gopher_quality:too_many_hashes");
        if (o.MaxSymbolWordRatio is { } sym2 && m.EllipsisRatio > sym2) return Verdict.Remove("gopher_quality:too_many_ellipsis");
        if (o.MaxBulletLinesRatio is { } bullets && m.BulletLinesRatio > bullets) return Verdict.Remove("gopher_quality:too_many_bullets");
        if (o.MaxEllipsisLinesRatio is { } ell && m.EllipsisLinesRatio > ell) return Verdict.Remove("gopher_quality:too_many_end_ellipsis");
        if (o.MaxNonAlphaWordsRatio is { } alpha && m.AlphaWordsRatio < alpha) return Verdict.Remove("gopher_quality:below_alpha_threshold");
        if (o.MinStopWords is { } stop && m.StopWords < stop) return Verdict.Remove("gopher_quality:not_enough_stop_words");
        return Verdict.Kept;
    }

    private static double Finite(double x) => double.IsPositiveInfinity(x) ? double.MaxValue : x;
}
