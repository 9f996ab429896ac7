using System.Text;
using System.Text.Json.Nodes;
using Assay.Curation.Dedup;

namespace Assay.Curation.Pipeline.Barriers;

/// <summary>
/// Writes a barrier's decisions: one <c>decisions-TTTTT.jsonl</c> per task of the next stage (every
/// task gets a file, empty when nothing changes), and <c>clusters.jsonl</c> from the decisions that
/// name a <see cref="BarrierDecision.DuplicateOf"/>: one line per member of a cluster of size ≥ 2,
/// the cluster named by its kept record's id, with the barrier's step id, sorted by cluster then id — so the file does not
/// depend on how the input was split. Files are written to temporary names and renamed by
/// <see cref="Complete"/>.
/// </summary>
public sealed class BarrierDecisionWriter : IDisposable
{
    private readonly string _dir;
    private readonly int _tasks;
    private readonly string _step;
    private readonly DedupClusters _clusters = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private StreamWriter? _open;
    private int _task = -1;

    public BarrierDecisionWriter(string dir, int tasks, string step)
    {
        _dir = dir;
        _step = step;
        _tasks = tasks;
        Directory.CreateDirectory(dir);
    }

    public static string DecisionsFile(string dir, int task) => Path.Combine(dir, $"decisions-{task:D5}.jsonl");

    public static string ClustersFile(string dir) => Path.Combine(dir, PipelineStages.ClustersFile);

    public long Written { get; private set; }

    /// <summary>Decisions come in <see cref="BarrierInput.ReadAll"/> order: task numbers never go down.</summary>
    public void Write(int task, BarrierDecision decision)
    {
        if (task < _task || (uint)task >= (uint)_tasks)
            throw new ArgumentOutOfRangeException(nameof(task), $"decision for task {task} after task {_task} (of {_tasks}): decisions must come in input order");
        if (task != _task)
        {
            _ids.Clear();
            OpenUpTo(task);
        }
        if (!_ids.Add(decision.Id))
            throw new InvalidDataException($"two decisions for record '{decision.Id}' in task {task}: barrier steps need unique ids");
        var line = new JsonObject { ["id"] = decision.Id };
        if (decision.Remove is not null) line["remove"] = decision.Remove;
        if (decision.DuplicateOf is not null)
        {
            line["duplicate_of"] = decision.DuplicateOf;
            _clusters.Add(decision.DuplicateOf, decision.Id);
        }
        if (decision.Text is not null) line["text"] = decision.Text;
        if (decision.Meta is not null) line["meta"] = decision.Meta.DeepClone();
        _open!.Write(line.ToJsonString());
        _open.Write('\n');
        Written++;
    }

    /// <summary>
    /// Removal decisions from a deciding engine's per-record verdicts, which come in input order;
    /// <paramref name="perTask"/> says how many of them belong to each task.
    /// </summary>
    public void WriteDuplicates(IEnumerable<MinHashDecision> inOrder, IReadOnlyList<long> perTask, string reason)
    {
        int task = 0;
        long left = perTask.Count > 0 ? perTask[0] : 0;
        foreach (var d in inOrder)
        {
            while (left == 0)
            {
                if (++task >= perTask.Count) throw new InvalidDataException($"more decisions than the {perTask.Sum()} records the map tasks reported");
                left = perTask[task];
            }
            left--;
            if (!d.Keep) Write(task, new BarrierDecision(d.Id) { Remove = reason, DuplicateOf = d.DuplicateOf });
        }
        if (left != 0 || perTask.Skip(task + 1).Any(n => n != 0))
            throw new InvalidDataException($"fewer decisions than the {perTask.Sum()} records the map tasks reported");
    }

    public void Complete()
    {
        OpenUpTo(_tasks);
        var path = ClustersFile(_dir);
        _clusters.Write(path + ".tmp", _step);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Completes the open file and every skipped task's (empty) file before <paramref name="task"/>, then opens that task's.</summary>
    private void OpenUpTo(int task)
    {
        for (int t = Math.Max(0, _task); t < task; t++)
        {
            if (t == _task && _open is not null)
            {
                _open.Dispose();
                _open = null;
            }
            else
            {
                File.WriteAllBytes(DecisionsFile(_dir, t) + ".tmp", []);
            }
            File.Move(DecisionsFile(_dir, t) + ".tmp", DecisionsFile(_dir, t), overwrite: true);
        }
        _task = task;
        if (task < _tasks) _open = new StreamWriter(DecisionsFile(_dir, task) + ".tmp", false, new UTF8Encoding(false));
    }

    /// <summary>One task's decisions by record id.</summary>
    public static Dictionary<string, BarrierDecision> Load(string dir, int task)
    {
        var path = DecisionsFile(dir, task);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the barrier's decisions are missing; rerun its reduce stage", path);
        var map = new Dictionary<string, BarrierDecision>(StringComparer.Ordinal);
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            var o = JsonNode.Parse(line)?.AsObject() ?? throw new InvalidDataException($"{path}:{n}: not a JSON object");
            var id = (string?)o["id"] ?? throw new InvalidDataException($"{path}:{n}: no id");
            map[id] = new BarrierDecision(id)
            {
                Remove = (string?)o["remove"], DuplicateOf = (string?)o["duplicate_of"], Text = (string?)o["text"],
                Meta = o["meta"] is JsonObject meta ? (JsonObject)meta.DeepClone() : null,
            };
        }
        return map;
    }

    public void Dispose() => _open?.Dispose();
}
