using System.Diagnostics;
using Assay.Valuation.Data;
using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// Shapley values of data sources (groups of rows from <see cref="DenseData.Groups"/>): the players are the
/// groups, a coalition trains on the union of its groups. As a point valuator, each point gets its group's
/// value divided by the group size (so point values still sum to U(N) − U(∅)).
/// </summary>
public sealed class GroupShapley(GroupShapleyOptions? options = null, IUtilityModel? model = null) : IDataValuator
{
    public GroupShapleyOptions Options { get; } = (options ?? new GroupShapleyOptions()).Validated();
    public IUtilityModel Model { get; } = model ?? new LogisticRegressionModel();

    public string Name => "group-shapley";

    public GroupValuationResult ValueGroups(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var groups = train.Groups ?? throw new ArgumentException("group-shapley needs a group (source) per training row");
        var ids = groups.Distinct().Order().ToArray();
        var index = ids.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i);
        var rows = ids.Select(_ => new List<int>()).ToArray();
        for (int r = 0; r < groups.Length; r++) rows[index[groups[r]]].Add(r);
        var subset = new SubsetUtility(Model, train, test);
        var u = new GroupCoalitionUtility(subset, rows.Select(l => l.ToArray()).ToArray());
        if (ids.Length <= Options.ExactMaxGroups)
        {
            var exact = ExactSemivalue.Compute(ids.Length, players => u.Evaluate(players, null).Value, ExactSemivalue.ShapleyWeight);
            progress?.Report(1);
            return new GroupValuationResult(ids, exact, null, true) { UtilityEvaluations = subset.Evaluations };
        }
        var e = PermutationSampler.Run(u, null, Options.SamplingOrDefault, progress, cancellationToken);
        return new GroupValuationResult(ids, e.Values, e.StandardErrors, false) { UtilityEvaluations = e.Evaluations, Samples = e.Permutations };
    }

    public ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        var g = ValueGroups(train, test, progress, cancellationToken);
        var pos = g.GroupIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var size = new int[g.GroupIds.Length];
        foreach (var id in train.Groups!) size[pos[id]]++;
        var values = train.Groups!.Select(id => g.Values[pos[id]] / size[pos[id]]).ToArray();
        var se = g.StandardErrors is null ? null : train.Groups!.Select(id => g.StandardErrors[pos[id]] / size[pos[id]]).ToArray();
        return new ValuationResult(Name, values, se)
        { UtilityEvaluations = g.UtilityEvaluations, Samples = g.Samples, ElapsedSeconds = sw.Elapsed.TotalSeconds };
    }
}
