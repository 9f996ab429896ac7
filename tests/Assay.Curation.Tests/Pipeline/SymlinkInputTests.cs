using Assay.Curation.Executors;
using Assay.Curation.Pipeline;

namespace Assay.Curation.Tests.Pipeline;

public sealed class SymlinkInputTests
{
    [Fact]
    public void A_symlinked_shard_is_planned_by_its_targets_size_and_gives_the_same_output()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, 3000, 200, 200);
        // The same inputs through links: a linked plain shard must still be split into 64 KB byte ranges.
        var linked = Path.Combine(d.Path, "linked");
        foreach (var dir in new[] { "in/web", "in/books" })
        {
            Directory.CreateDirectory(Path.Combine(linked, dir));
            foreach (var f in Directory.GetFiles(Path.Combine(d.Path, dir)))
                File.CreateSymbolicLink(Path.Combine(linked, dir, Path.GetFileName(f)), f);
        }
        var real = PipelineRun.Prepare(TestData.Config(d.Path, TestData.Yaml("out", "tasks: 3")));
        var viaLinks = PipelineRun.Prepare(TestData.Config(linked, TestData.Yaml("out", "tasks: 3")));
        Assert.Equal(real.Plan.TotalBytes, viaLinks.Plan.TotalBytes);
        Assert.Equal(real.Plan.Items.Count, viaLinks.Plan.Items.Count);
        Assert.True(viaLinks.Plan.Items.Count > 3); // the plain shard was split

        new LocalExecutor(2).Run(real, ct: TestContext.Current.CancellationToken);
        new LocalExecutor(2).Run(viaLinks, ct: TestContext.Current.CancellationToken);
        var a = TestData.DataFiles(Path.Combine(d.Path, "out"));
        var b = TestData.DataFiles(Path.Combine(linked, "out"));
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (k, v) in a)
            if (Path.GetFileName(k) != "dataset.json") Assert.True(v.AsSpan().SequenceEqual(b[k]), $"{k} differs");
    }
}
