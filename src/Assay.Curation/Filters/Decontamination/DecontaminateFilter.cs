using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Curation.Decontamination;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Decontamination;

/// <summary>
/// Removes (or annotates) training records that share an n-gram of normalized words with any
/// benchmark item — normalization robust to re-wrapping, case, punctuation and whitespace
/// (<see cref="Decontaminator"/>). The benchmark n-gram index is built once per process and shared
/// by every task and thread using the same benchmark files and options (<see cref="SharedModels"/>);
/// each step instance only holds its own small scanner. No barrier is needed because the index is
/// fixed before the run.
/// </summary>
[StepName(Name, typeof(DecontaminateOptions), Description = "Removes or annotates records sharing a 13-word n-gram with benchmark items (GPT-3 style)")]
public sealed class DecontaminateFilter(DecontaminateOptions options) : FilterStep
{
    public const string Name = "decontaminate_v1";

    private Decontaminator? _scanner;

    /// <summary>The shared index this step scans with (for tests: steps with the same benchmarks share one).</summary>
    internal BenchmarkIndex? Index => _scanner?.Index;

    public override void Initialize(StepContext context)
    {
        if (options.Benchmarks.Count == 0) throw new ArgumentException($"{Name}: list at least one benchmark file under 'benchmarks'");
        var inputs = new List<(string Name, DatasetInput Input)>();
        foreach (var b in options.Benchmarks)
        {
            // Named as contamination.json names them: the pack, or the file without its extensions.
            var name = b.StartsWith(DatasetInput.PackPrefix, StringComparison.Ordinal)
                ? b[DatasetInput.PackPrefix.Length..]
                : Path.GetFileName(Path.TrimEndingDirectorySeparator(b)).Split('.')[0];
            if (inputs.Any(x => x.Name == name))
                throw new ArgumentException($"{Name}: two benchmarks are named '{name}'");
            inputs.Add((name, DatasetInput.Resolve(StepPaths.Resolve(context, b))));
        }
        var deconOptions = new DecontaminationOptions { NGram = options.Ngram };
        // The key names everything the index depends on: names (they appear in matches), each shard's
        // identity (a rewritten benchmark file is re-indexed) and the options.
        var key = string.Join('\n', inputs.Select(x => x.Name + "=" + string.Join(',', x.Input.Shards.Select(SharedModels.FileKey)))) + "\n" + deconOptions;
        var index = SharedModels.GetOrLoad(key, () => BenchmarkIndex.Build(
            inputs.ToDictionary(x => x.Name, x => DatasetDecontamination.LoadItems(x.Input), StringComparer.Ordinal), deconOptions));
        _scanner = new Decontaminator(index);
    }

    public override Verdict Judge(Record record)
    {
        var match = (_scanner ?? throw new InvalidOperationException($"{Name}: Initialize was not called")).Scan(record.Id, record.Text);
        if (match is null) return Verdict.Kept;
        record.Meta["contaminates"] = new JsonArray(match.Items.Select(x => (JsonNode)JsonValue.Create(x)).ToArray());
        return options.Mode == DecontaminateMode.Remove ? Verdict.Remove("decontaminate:benchmark_ngram_overlap") : Verdict.Kept;
    }
}
