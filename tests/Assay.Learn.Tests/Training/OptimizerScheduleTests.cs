using Assay.Learn.Training;

namespace Assay.Learn.Tests.Training;

public sealed class OptimizerScheduleTests
{
    [Fact]
    public void Schedule_warms_up_linearly_then_follows_a_cosine_to_the_minimum()
    {
        var s = new LearningRateSchedule(MaxLr: 1f, MinLr: 0.1f, WarmupSteps: 4, TotalSteps: 14);
        Assert.Equal([0.25f, 0.5f, 0.75f, 1f], Enumerable.Range(0, 4).Select(s.At));
        Assert.Equal(0.55f, s.At(9), 5); // halfway through the decay
        Assert.Equal(0.1f, s.At(14), 6);
        Assert.Equal(0.1f, s.At(100), 6);
        for (int i = 4; i < 14; i++) Assert.True(s.At(i + 1) <= s.At(i));
    }

    [Fact]
    public void AdamW_step_matches_hand_computation_and_decays_only_masked_ranges()
    {
        var adam = new AdamW(2);
        float[] p = [1f, 1f];
        float[] g = [0.5f, 0.5f];
        (int, int, bool)[] ranges = [(0, 1, true), (1, 1, false)];
        adam.Update(p, g, ranges, lr: 0.1f, beta1: 0.9f, beta2: 0.99f, eps: 1e-8f, weightDecay: 0.5f);
        // Step 1: mhat = g, vhat = g^2, so the Adam part is lr * sign(g) (up to eps).
        Assert.Equal(1f - 0.1f * (1f + 0.5f * 1f), p[0], 6);
        Assert.Equal(1f - 0.1f, p[1], 6);
        Assert.Equal(0.05f, adam.M[0], 6);
        Assert.Equal(0.0025f, adam.V[1], 6);
        adam.Update(p, g, ranges, 0.1f, 0.9f, 0.99f, 1e-8f, 0f);
        Assert.Equal(2, adam.Step);
        Assert.Equal(0.9f - 0.1f, p[1], 5); // constant gradient: bias-corrected step stays lr
    }

    [Fact]
    public void Token_dataset_joins_documents_and_draws_reproducible_shifted_windows()
    {
        var d = TokenDataset.FromDocuments([[1, 2, 3], [4, 5]], endOfText: 0);
        Assert.Equal([1, 2, 3, 0, 4, 5, 0], d.Tokens.ToArray());

        var big = new TokenDataset(Enumerable.Range(0, 1000).ToArray());
        var x = new int[3 * 8];
        var y = new int[3 * 8];
        big.Batch(seed: 5, step: 2, microStep: 0, b: 3, t: 8, x, y);
        for (int i = 0; i < x.Length; i++) Assert.Equal(x[i] + 1, y[i]);
        var x2 = new int[24];
        big.Batch(5, 2, 0, 3, 8, x2, new int[24]);
        Assert.Equal(x, x2);
        big.Batch(5, 3, 0, 3, 8, x2, new int[24]);
        Assert.NotEqual(x, x2);
        Assert.Throws<InvalidOperationException>(() => d.Batch(0, 0, 0, 1, 7, new int[7], new int[7]));
    }
}
