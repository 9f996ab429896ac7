using Assay.Curation.Filters.Normalization;
using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Filters;

public sealed class NormalizeStepTests
{
    [Fact]
    public void RepairsAndCountsEveryChangePerNormalizer()
    {
        var step = new NormalizeStep(new NormalizeOptions());
        step.Initialize(new StepContext(0, 1, ".", 0, "t"));
        var r = TestRecords.Make("cafÃ© &amp; bar\r\nnext\u0007 line");
        long changed = step.Rewrite(r);
        Assert.Equal("café & bar\nnext line", r.Text);
        Assert.True(changed > 0);
        var signals = r.Meta["signals"]!["normalize_v1"]!.AsObject();
        Assert.True(signals.ContainsKey("mojibake_v1"));
        Assert.True(signals.ContainsKey("html_entities_v1"));
        Assert.True(signals.ContainsKey("line_endings_v1"));
        Assert.Equal(changed, signals.Sum(kv => (long)kv.Value!.GetValue<double>()));

        var clean = TestRecords.Make("nothing to do here");
        Assert.Equal(0, step.Rewrite(clean));
        Assert.False(clean.HasMeta);
    }
}
