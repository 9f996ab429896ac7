using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Decontamination;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Decontamination;

/// <summary>
/// Removes (or annotates) training records that share an n-gram of normalized words with any
/// benchmark item — normalization robust to re-wrapping, case, punctuation and whitespace
/// (<see cref="Decontaminator"/>). Each task loads the benchmark n-gram index once in
/// <see cref="Initialize"/>; no barrier is needed because the index is fixed before the run.
/// </summary>
[StepName(Name, typeof(DecontaminateOptions), Description = "Removes or annotates records sharing a 13-word n-gram with benchmark items (GPT-3 style)")]
public sealed class DecontaminateFilter(DecontaminateOptions options) : FilterStep
{
    public const string Name = "decontaminate_v1";

    private Decontaminator? _index;

    public override void Initialize(StepContext context)
    {
        if (options.Benchmarks.Count == 0) throw new ArgumentException($"{Name}: list at least one benchmark file under 'benchmarks'");
        var benchmarks = new Dictionary<string, IReadOnlyList<BenchmarkItem>>(StringComparer.Ordinal);
        foreach (var b in options.Benchmarks)
        {
            var input = DatasetInput.Resolve(StepPaths.Resolve(context, b));
            // Named as contamination.json names them: the pack, or the file without its extensions.
            var name = b.StartsWith(DatasetInput.PackPrefix, StringComparison.Ordinal)
                ? b[DatasetInput.PackPrefix.Length..]
                : Path.GetFileName(Path.TrimEndingDirectorySeparator(b)).Split('.')[0];
            if (!benchmarks.TryAdd(name, DatasetDecontamination.LoadItems(input)))
                throw new ArgumentException($"{Name}: two benchmarks are named '{name}'");
        }
        _index = new Decontaminator(benchmarks, new DecontaminationOptions { NGram = options.Ngram });
    }

    public override Verdict Judge(Record record)
    {
        var match = (_index ?? throw new InvalidOperationException($"{Name}: Initialize was not called")).Scan(record.Id, record.Text);
        if (match is null) return Verdict.Kept;
        record.Meta["contaminates"] = new JsonArray(match.Items.Select(x => (JsonNode)JsonValue.Create(x)).ToArray());
        return options.Mode == DecontaminateMode.Remove ? Verdict.Remove("decontaminate:benchmark_ngram_overlap") : Verdict.Kept;
    }
}
