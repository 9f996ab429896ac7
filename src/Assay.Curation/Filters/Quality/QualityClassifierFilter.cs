using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Steps;
using Assay.Text.FastText;

namespace Assay.Curation.Filters.Quality;

/// <summary>
/// Model-based quality filter (the fastText classifier recipe of DCLM / FineWeb-Edu style filtering):
/// scores each record with the probability of the positive label; keeps by threshold or top fraction.
/// </summary>
[StepName(Name, typeof(QualityClassifierOptions), Description = "Model-based quality filter: fastText classifier probability of the positive label, kept by threshold or top fraction (signal: score)")]
public sealed class QualityClassifierFilter(QualityClassifierOptions options) : FilterStep
{
    public const string Name = "quality_classifier_v1";

    private FastTextModel? _model;
    private string _label = "";
    private double _threshold;

    public override void Initialize(StepContext context)
    {
        if (string.IsNullOrEmpty(options.Model)) throw new ArgumentException($"{Name}: 'model' is required (train one with `assay classifier train`)");
        if ((options.Threshold is null) == (options.TopFraction is null))
            throw new ArgumentException($"{Name}: give exactly one of 'threshold' or 'top_fraction'");
        _model = SharedModels.Get(StepPaths.Resolve(context, options.Model), FastTextModel.Load);
        _label = options.PositiveLabel.StartsWith(FastTextArgs.LabelPrefix, StringComparison.Ordinal) ? options.PositiveLabel : FastTextArgs.LabelPrefix + options.PositiveLabel;
        if (!_model.Labels.Contains(_label))
            throw new ArgumentException($"{Name}: the model has no label '{options.PositiveLabel}' (its labels: {string.Join(", ", _model.Labels)})");
        if (options.Threshold is double t)
        {
            if (t is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), $"{Name}: threshold must be within [0, 1]");
            _threshold = t;
            return;
        }
        double fraction = options.TopFraction!.Value;
        if (fraction is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), $"{Name}: top_fraction must be within (0, 1]");
        if (options.Calibration is null) throw new ArgumentException($"{Name}: top_fraction needs 'calibration', a DATASET whose scores set the threshold");
        var scores = DatasetReader.Read(DatasetInput.Resolve(StepPaths.Resolve(context, options.Calibration))).Select(r => Score(r.Text)).Order().ToArray();
        if (scores.Length == 0) throw new ArgumentException($"{Name}: the calibration dataset is empty");
        _threshold = scores[Math.Clamp((int)Math.Floor((1 - fraction) * scores.Length), 0, scores.Length - 1)];
    }

    public double Score(string text)
    {
        foreach (var p in _model!.Predict(text.Replace('\n', ' '), _model.Labels.Count))
            if (p.Label == _label) return p.Probability;
        return 0;
    }

    public override Verdict Judge(Record record)
    {
        double score = Score(record.Text);
        Signals.Set(record, Name, "score", score);
        return score >= _threshold ? Verdict.Kept : Verdict.Remove($"{Name}:low_score");
    }
}
