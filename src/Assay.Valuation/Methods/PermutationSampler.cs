using Assay.Valuation.Models;

namespace Assay.Valuation.Methods;

/// <summary>
/// Truncated Monte-Carlo permutation estimator of a semivalue (see <see cref="PermutationSamplingOptions"/>).
/// In a uniform permutation the predecessors of a player form subset S with the Shapley probability,
/// so weighting each marginal by w(|S|)/w_Shapley(|S|) estimates any semivalue (Kwon &amp; Zou 2022, §3).
/// </summary>
internal static class PermutationSampler
{
    public sealed record Estimate(double[] Values, double[] StandardErrors, int Permutations, long Evaluations);

    /// <param name="weightByPredecessors">Importance weight as a function of |S| (null: Shapley, weight 1).</param>
    public static Estimate Run(ICoalitionUtility utility, Func<int, double>? weightByPredecessors, PermutationSamplingOptions o,
        IProgress<double>? progress, CancellationToken ct)
    {
        int n = utility.Players;
        var weights = new double[n];
        for (int s = 0; s < n; s++) weights[s] = weightByPredecessors?.Invoke(s) ?? 1.0;
        long evaluations = 2;
        double empty = utility.Evaluate([], null).Value;
        double full = utility.Evaluate(Enumerable.Range(0, n).ToArray(), null).Value;
        var moments = new RunningMoments(n);
        double[]? lastCheck = null;
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = ct };
        while (done < o.MaxPermutations)
        {
            int round = Math.Min(o.CheckEvery, o.MaxPermutations - done);
            var marginals = new double[round][];
            var evals = new long[round];
            Parallel.For(0, round, parallel, r =>
            {
                var rng = Seeds.For(o.Seed, done + r);
                var perm = Seeds.Permutation(rng, n);
                var m = new double[n];
                double prev = empty;
                IFittedModel? warm = null;
                for (int j = 0; j < n; j++)
                {
                    if (o.TruncationTolerance > 0 && Math.Abs(full - prev) < o.TruncationTolerance * Math.Abs(full)) break;
                    var (value, fitted) = utility.Evaluate(perm.AsSpan(0, j + 1), warm);
                    evals[r]++;
                    m[perm[j]] = weights[j] * (value - prev);
                    prev = value;
                    warm = fitted;
                }
                marginals[r] = m;
            });
            for (int r = 0; r < round; r++)
            {
                for (int i = 0; i < n; i++) moments.Add(i, marginals[r][i]);
                evaluations += evals[r];
            }
            done += round;
            progress?.Report(done / (double)o.MaxPermutations);
            var now = moments.Mean();
            if (lastCheck is not null && done >= o.MinPermutations && RelativeChange(now, lastCheck) < o.ConvergenceTolerance) break;
            lastCheck = now;
        }
        return new Estimate(moments.Mean(), moments.StandardError(), done, evaluations);
    }

    /// <summary>Σ|v − v_old| / Σ|v|: the aggregate form of the paper's mean relative change, robust to values near 0.</summary>
    internal static double RelativeChange(double[] now, double[] before)
    {
        double num = 0, den = 0;
        for (int i = 0; i < now.Length; i++) { num += Math.Abs(now[i] - before[i]); den += Math.Abs(now[i]); }
        return den > 0 ? num / den : 0;
    }
}
