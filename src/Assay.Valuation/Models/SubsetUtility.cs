using Assay.Valuation.Data;

namespace Assay.Valuation.Models;

/// <summary>U(S): fit the utility model on training rows S, score on the test set. Counts evaluations.</summary>
public sealed class SubsetUtility(IUtilityModel model, DenseData train, DenseData test)
{
    private long _evaluations;

    public IUtilityModel Model { get; } = model;
    public DenseData Train { get; } = train;
    public DenseData Test { get; } = test;
    public long Evaluations => Interlocked.Read(ref _evaluations);

    public double Evaluate(ReadOnlySpan<int> subset) => Fit(subset).Score(Test);

    public IFittedModel Fit(ReadOnlySpan<int> subset, IFittedModel? warmStart = null)
    {
        Interlocked.Increment(ref _evaluations);
        return Model.Fit(Train, subset, warmStart);
    }
}
