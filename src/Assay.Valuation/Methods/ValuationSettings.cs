using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// The few knobs the CLI exposes across methods; each method keeps its paper's default for anything null.
/// <see cref="Samples"/> means permutations (TMC, Beta, group), subsets (Banzhaf) or bags (Data-OOB).
/// </summary>
public sealed record ValuationSettings(
    int K = 10,
    int Seed = 0,
    int? Samples = null,
    double? Threshold = null,
    double? Epsilon = null,
    double Delta = 1e-5,
    IUtilityModel? Model = null,
    int? MaxDegreeOfParallelism = null);
