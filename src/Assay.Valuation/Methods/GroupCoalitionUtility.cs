using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>Players are groups (sources); a coalition's rows are the union of its groups' rows, in group order.</summary>
internal sealed class GroupCoalitionUtility(SubsetUtility utility, int[][] rowsOfGroup) : ICoalitionUtility
{
    public int Players => rowsOfGroup.Length;

    public (double Value, IFittedModel Fitted) Evaluate(ReadOnlySpan<int> players, IFittedModel? warmStart)
    {
        var rows = new List<int>();
        foreach (var g in players) rows.AddRange(rowsOfGroup[g]);
        var f = utility.Fit(rows.ToArray(), warmStart);
        return (f.Score(utility.Test), f);
    }
}
