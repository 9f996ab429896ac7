using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>Registered method names (versioned by name: a changed meaning gets a new name) and their factory.</summary>
public static class ValuationMethods
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "knn-shapley", "tknn-shapley", "tknn-shapley-dp", "loo", "tmc-shapley", "beta-shapley",
        "banzhaf-msr", "data-oob", "lava", "group-shapley",
    ];

    public static IDataValuator Create(string name, ValuationSettings? settings = null)
    {
        var s = settings ?? new ValuationSettings();
        var model = s.Model ?? new LogisticRegressionModel();
        var perms = new PermutationSamplingOptions(
            MaxPermutations: s.Samples ?? 500, MinPermutations: Math.Min(100, s.Samples ?? 100), Seed: s.Seed,
            MaxDegreeOfParallelism: s.MaxDegreeOfParallelism);
        return name switch
        {
            "knn-shapley" => new KnnShapley(new KnnShapleyOptions(K: s.K, MaxDegreeOfParallelism: s.MaxDegreeOfParallelism)),
            "tknn-shapley" => new ThresholdKnnShapley(new ThresholdKnnShapleyOptions(Threshold: s.Threshold, AutoK: s.K, Seed: s.Seed, MaxDegreeOfParallelism: s.MaxDegreeOfParallelism)),
            "tknn-shapley-dp" => new ThresholdKnnShapley(new ThresholdKnnShapleyOptions(Threshold: s.Threshold, AutoK: s.K,
                Epsilon: s.Epsilon ?? 0.5, Delta: s.Delta, Seed: s.Seed, MaxDegreeOfParallelism: s.MaxDegreeOfParallelism)),
            "loo" => new LeaveOneOut(model, s.MaxDegreeOfParallelism),
            "tmc-shapley" => new TmcShapley(perms, model),
            "beta-shapley" => new BetaShapley(new BetaShapleyOptions(Sampling: perms), model),
            "banzhaf-msr" => new BanzhafMsr(new BanzhafMsrOptions(Samples: s.Samples ?? 1000, Seed: s.Seed, MaxDegreeOfParallelism: s.MaxDegreeOfParallelism), model),
            "data-oob" => new DataOob(new DataOobOptions(Bags: s.Samples ?? 800, Seed: s.Seed, MaxDegreeOfParallelism: s.MaxDegreeOfParallelism), model),
            "lava" => new Lava(new LavaOptions(Seed: s.Seed)),
            "group-shapley" => new GroupShapley(new GroupShapleyOptions(Sampling: perms with { TruncationTolerance = 0 }), model),
            _ => throw new ArgumentException($"unknown valuation method '{name}'; valid: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
