using Assay.Curation.Pipeline;

namespace Assay.Curation.Tests.Pipeline;

/// <summary>Every pipeline in examples/ loads against the real step registry (names, parameters, values).</summary>
public sealed class ExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Assay.slnx"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        var files = Directory.GetFiles(Path.Combine(dir, "examples"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_is_valid(string file)
    {
        var config = PipelineLoader.Load(file);
        Assert.NotEmpty(config.Inputs);
        Assert.All(config.Steps, s => Assert.True(StepRegistry.Default.TryGet(s.Type, out _)));
    }
}
