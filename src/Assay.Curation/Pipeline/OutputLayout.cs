using Assay.Core.IO;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Where a run writes: kept shards at the top, <c>removed/</c>, <c>quarantine/</c>, and the task
/// and chunk markers under <c>.tasks/</c>. Part names depend only on task and chunk. A stage of a
/// pipeline with barrier steps overrides the marker folder and prefixes its removed parts with the
/// stage, so every stage's removed records land in the one <c>removed/</c> dataset without clashing.
/// </summary>
public sealed record OutputLayout(string Folder, Compression Compression)
{
    public string Removed { get; init; } = Path.Combine(Folder, "removed");
    public string Quarantine { get; init; } = Path.Combine(Folder, "quarantine");
    public string Tasks { get; init; } = Path.Combine(Folder, ".tasks");
    public string RemovedPrefix { get; init; } = "";
    public string Mixed => Path.Combine(Folder, "mixed");
    public string RunFile => Path.Combine(Tasks, "run.json");

    public static string PartName(int task, int chunk) => $"part-{task:D5}-{chunk:D5}";

    public string KeptPart(int task, int chunk, Compression c) => Path.Combine(Folder, PartName(task, chunk) + ShardFormat.Extension(c));
    public string RemovedPart(int task, int chunk, Compression c) => Path.Combine(Removed, RemovedPrefix + PartName(task, chunk) + ShardFormat.Extension(c));
    public string DoneMarker(int task) => Path.Combine(Tasks, $"{task:D5}.done.json");
    public string ChunkMarker(int task, int chunk) => Path.Combine(Tasks, $"{task:D5}", $"chunk-{chunk:D5}.json");
}
