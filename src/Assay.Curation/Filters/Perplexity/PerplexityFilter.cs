using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Steps;
using Assay.Text.LanguageModel;

namespace Assay.Curation.Filters.Perplexity;

/// <summary>
/// CCNet-style perplexity filter (Wenzek et al. 2020): a Kneser–Ney n-gram LM trained on reference
/// text scores each record; keep by a maximum perplexity or by head/middle/tail bucket.
/// </summary>
[StepName(Name, typeof(PerplexityOptions), Description = "Perplexity filter: KN n-gram LM (ARPA) perplexity, kept by max_perplexity or CCNet head/middle/tail buckets (signals: ppl, bucket)")]
public sealed class PerplexityFilter(PerplexityOptions options) : FilterStep
{
    public const string Name = "perplexity_v1";
    private static readonly string[] Buckets = ["head", "middle", "tail"];

    private NgramModel? _model;
    private double _low, _high;
    private HashSet<string> _keep = [];

    public override void Initialize(StepContext context)
    {
        if (string.IsNullOrEmpty(options.Model)) throw new ArgumentException($"{Name}: 'model' is required (train one with `assay ngram train`)");
        if ((options.MaxPerplexity is null) == (options.Keep is null))
            throw new ArgumentException($"{Name}: give exactly one of 'max_perplexity' or 'keep' (buckets)");
        _model = ArpaReader.Read(StepPaths.Resolve(context, options.Model));
        if (options.Keep is null) return;
        _keep = new HashSet<string>(options.Keep, StringComparer.Ordinal);
        foreach (var b in _keep)
            if (!Buckets.Contains(b)) throw new ArgumentException($"{Name}: unknown bucket '{b}' (use head, middle, tail)");
        if (options.Cutoffs is { } c)
        {
            if (c.Count != 2 || !(c[0] <= c[1])) throw new ArgumentException($"{Name}: cutoffs must be two increasing perplexities");
            (_low, _high) = (c[0], c[1]);
            return;
        }
        if (options.Calibration is null) throw new ArgumentException($"{Name}: buckets need 'cutoffs' or a 'calibration' DATASET");
        var ppl = DatasetReader.Read(DatasetInput.Resolve(StepPaths.Resolve(context, options.Calibration)))
            .Select(r => _model.ScoreText(r.Text).Perplexity).Where(double.IsFinite).Order().ToArray();
        if (ppl.Length == 0) throw new ArgumentException($"{Name}: the calibration dataset gave no finite perplexities");
        _low = ppl[(int)(ppl.Length / 3.0)];
        _high = ppl[Math.Min(ppl.Length - 1, (int)(ppl.Length * 2 / 3.0))];
    }

    public override Verdict Judge(Record record)
    {
        double ppl = _model!.ScoreText(record.Text).Perplexity;
        if (double.IsNaN(ppl)) ppl = double.PositiveInfinity; // no tokens: nothing to vouch for the text
        Signals.Set(record, Name, "ppl", double.IsInfinity(ppl) ? double.MaxValue : ppl);
        if (options.MaxPerplexity is double max) return ppl <= max ? Verdict.Kept : Verdict.Remove($"{Name}:high_perplexity");
        var bucket = ppl <= _low ? "head" : ppl <= _high ? "middle" : "tail";
        Signals.Set(record, Name, "bucket", bucket);
        return _keep.Contains(bucket) ? Verdict.Kept : Verdict.Remove($"{Name}:{bucket}");
    }
}
