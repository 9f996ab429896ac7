using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>Utility of a coalition of players (training points, or groups of them).</summary>
internal interface ICoalitionUtility
{
    int Players { get; }

    /// <summary>Fits on the rows of <paramref name="players"/> (warm-started when possible) and scores.</summary>
    (double Value, IFittedModel Fitted) Evaluate(ReadOnlySpan<int> players, IFittedModel? warmStart);
}
