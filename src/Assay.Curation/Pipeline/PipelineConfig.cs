using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Curation.Pipeline;

/// <summary>
/// A loaded, validated pipeline file. Relative paths are resolved against <see cref="BaseDirectory"/>
/// (the YAML's folder). <see cref="ConfigHash"/> is the SHA-256 of the canonical form, so comments
/// and formatting do not change it but any value does.
/// </summary>
public sealed record PipelineConfig
{
    public required string SourceFile { get; init; }
    public required string BaseDirectory { get; init; }
    public required string ConfigHash { get; init; }
    public required IReadOnlyList<InputSpec> Inputs { get; init; }
    public required IReadOnlyList<StepSpec> Steps { get; init; }
    public required string OutputPath { get; init; }
    public Compression Compression { get; init; } = Compression.None;
    public OnError OnError { get; init; } = OnError.Fail;
    public ulong Seed { get; init; }
    /// <summary>Tasks from the file (the command line may override); null: one per work item.</summary>
    public int? Tasks { get; init; }
    /// <summary>Uncompressed shards larger than this are split into line-aligned byte ranges.</summary>
    public long SplitBytes { get; init; } = 128L << 20;
    public CheckpointSpec Checkpoint { get; init; } = new();
    public MixSpec? Mix { get; init; }
    /// <summary>
    /// Keep <c>.stages/</c> (barrier pipelines' intermediate shards) after the merge; by default it is
    /// deleted once the output is complete. Not part of <see cref="ConfigHash"/>: it changes no output.
    /// </summary>
    public bool KeepStages { get; init; }

    public string Resolve(string path) =>
        Path.IsPathRooted(path) || path.StartsWith(Core.Datasets.DatasetInput.PackPrefix, StringComparison.Ordinal)
            ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
    public string OutputFolder => Resolve(OutputPath);
}
