using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class LshParametersTests
{
    [Theory]
    [InlineData(0.8, 128)]
    [InlineData(0.7, 256)]
    [InlineData(0.5, 128)]
    public void OptimalBandingIsFeasibleAndBeatsNeighbours(double threshold, int numPerm)
    {
        var p = LshParameters.Optimal(threshold, numPerm);
        Assert.True(p.Bands * p.Rows <= numPerm);
        // The S-curve's steepest point (1/b)^(1/r) sits near the threshold.
        double knee = Math.Pow(1.0 / p.Bands, 1.0 / p.Rows);
        Assert.InRange(knee, threshold - 0.15, threshold + 0.1);
        double above = LshParameters.CandidateProbability(threshold + 0.15, p.Bands, p.Rows);
        double below = LshParameters.CandidateProbability(threshold - 0.3, p.Bands, p.Rows);
        Assert.True(above > 0.9, $"{p}: P(t+0.15) = {above}");
        Assert.True(below < 0.25, $"{p}: P(t-0.3) = {below}");
    }

    [Fact]
    public void PrintsDatasketchComparableValues()
    {
        // datasketch MinHashLSH(threshold=0.8, num_perm=128) chooses b=9, r=13.
        Assert.Equal(new LshParameters(9, 13), LshParameters.Optimal(0.8, 128));
    }
}
