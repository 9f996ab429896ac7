using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>Players are the training points themselves.</summary>
internal sealed class PointCoalitionUtility(SubsetUtility utility) : ICoalitionUtility
{
    public int Players => utility.Train.Count;

    public (double Value, IFittedModel Fitted) Evaluate(ReadOnlySpan<int> players, IFittedModel? warmStart)
    {
        var f = utility.Fit(players, warmStart);
        return (f.Score(utility.Test), f);
    }
}
