using Assay.Learn.Models;
using Assay.Valuation.Data;

namespace Assay.Valuation.Models;

/// <summary>
/// Assay.Learn's classifiers as utility models: softmax regression or the one-hidden-layer MLP, both fitted by
/// full-batch L-BFGS with warm start. Same conventions as <see cref="LogisticRegressionModel"/>: all classes of
/// the training set are always modelled, and the empty set scores as a uniform guess (1/C).
/// </summary>
public sealed class LearnClassifierUtilityModel : IUtilityModel
{
    private readonly SoftmaxRegressionOptions? _softmax;
    private readonly MlpOptions? _mlp;

    private LearnClassifierUtilityModel(SoftmaxRegressionOptions? softmax, MlpOptions? mlp)
    {
        softmax?.Validate();
        mlp?.Validate();
        _softmax = softmax;
        _mlp = mlp;
    }

    public static LearnClassifierUtilityModel Softmax(SoftmaxRegressionOptions? options = null) => new(options ?? new SoftmaxRegressionOptions(), null);

    public static LearnClassifierUtilityModel Mlp(MlpOptions? options = null) => new(null, options ?? new MlpOptions());

    public string Name => _softmax is not null ? "learn-softmax" : "learn-mlp";

    public IFittedModel Fit(DenseData train, ReadOnlySpan<int> subset, IFittedModel? warmStart = null)
    {
        int classes = Math.Max(2, train.ClassCount);
        if (subset.Length == 0) return new Fitted(null, classes, empty: true);
        var x = new float[subset.Length * train.Dimension];
        var y = new int[subset.Length];
        for (int i = 0; i < subset.Length; i++)
        {
            train.Row(subset[i]).CopyTo(x.AsSpan(i * train.Dimension));
            y[i] = train.Labels[subset[i]];
        }
        var warm = (warmStart as Fitted)?.Model;
        IDifferentiableClassifier model = _softmax is not null
            ? SoftmaxRegression.Fit(x, y, _softmax with { Classes = classes }, warm as SoftmaxRegression)
            : MlpClassifier.Fit(x, y, _mlp! with { Classes = classes }, warm as MlpClassifier);
        return new Fitted(model, classes, empty: false);
    }

    private sealed class Fitted(IDifferentiableClassifier? model, int classes, bool empty) : IFittedModel
    {
        public IDifferentiableClassifier? Model { get; } = model;

        public int Predict(ReadOnlySpan<float> x)
        {
            if (Model is null) return 0;
            Span<float> p = stackalloc float[classes];
            Model.PredictProba(x, p);
            int best = 0;
            for (int c = 1; c < classes; c++) if (p[c] > p[best]) best = c;
            return best;
        }

        public double ScoreRow(DenseData test, int row) =>
            empty ? 1.0 / classes : Predict(test.Row(row)) == test.Labels[row] ? 1 : 0;
    }
}
