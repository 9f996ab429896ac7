using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Pipeline.TestSteps;

public enum Mode { Fast, VerySlow }

/// <summary>Options of every bindable type, to test the YAML binder.</summary>
public sealed record KitchenSinkOptions
{
    public int Count { get; init; }
    public long Big { get; init; }
    public double Ratio { get; init; }
    public bool Enabled { get; init; }
    public string Name { get; init; } = "";
    public Mode Mode { get; init; }
    public IReadOnlyList<string> Words { get; init; } = [];
    public double[] Weights { get; init; } = [];
    public int? Maybe { get; init; }
    public IReadOnlyDictionary<string, double> Table { get; init; } = new Dictionary<string, double>();
}

/// <summary>Test step that only carries options (keeps everything); rejects a negative count in its constructor.</summary>
[StepName("test_kitchen_sink_v1", typeof(KitchenSinkOptions))]
public sealed class KitchenSinkStep : FilterStep
{
    public KitchenSinkStep(KitchenSinkOptions options)
    {
        if (options.Count < 0) throw new ArgumentException("count must be >= 0");
        Options = options;
    }

    public KitchenSinkOptions Options { get; }

    public override Verdict Judge(Record record) => Verdict.Kept;
}
