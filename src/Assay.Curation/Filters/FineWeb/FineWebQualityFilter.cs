using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.FineWeb;

/// <summary>FineWeb's three custom rules plus its list-like check, in datatrove's order and with its operators.</summary>
[StepName(Name, typeof(FineWebQualityOptions), Description = "FineWeb rules: line punctuation ratio, short lines, duplicated line chars, newline-to-word ratio")]
public sealed class FineWebQualityFilter(FineWebQualityOptions options) : FilterStep
{
    public const string Name = "fineweb_quality_v1";
    private const string Signal = "fineweb_quality";

    public override Verdict Judge(Record record)
    {
        var m = FineWebQualityMeasures.Compute(record.Text, options.ShortLineLength);
        Signals.Set(record, Signal, "line_punct_ratio", m.LinePunctRatio);
        Signals.Set(record, Signal, "short_line_ratio", m.ShortLineRatio);
        Signals.Set(record, Signal, "char_dup_ratio", Finite(m.DupLineCharRatio));
        Signals.Set(record, Signal, "new_line_ratio", Finite(m.NewLineRatio));
        return Decide(m, options);
    }

    public static Verdict Decide(in FineWebQualityMeasures m, FineWebQualityOptions o)
    {
        if (m.LinePunctRatio <= o.LinePunctThr && !(m.LinePunctRatio == 0 && o.LinePunctExcludeZero))
            return Verdict.Remove("fineweb_quality:line_punct_ratio");
        if (m.ShortLineRatio >= o.ShortLineThr) return Verdict.Remove("fineweb_quality:short_line_ratio");
        if (m.DupLineCharRatio >= o.CharDuplicatesRatio) return Verdict.Remove("fineweb_quality:char_dup_ratio");
        if (m.NewLineRatio > o.NewLineRatio) return Verdict.Remove("fineweb_quality:list_ratio");
        return Verdict.Kept;
    }

    private static double Finite(double x) => double.IsPositiveInfinity(x) ? double.MaxValue : x;
}
