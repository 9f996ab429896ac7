using Assay.Core.IO;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline;

/// <summary>What a stage does: per-record steps over tasks, a barrier's per-task map, or its single reduce.</summary>
public enum StageKind
{
    Records,
    Map,
    Reduce,
}

/// <summary>One stage of a run: <see cref="Index"/> is what <c>assay run --stage</c> takes.</summary>
public sealed record PipelineStage(int Index, StageKind Kind, int Segment, int Barrier, string Name)
{
    /// <summary>Runs as tasks 0..N-1 (an array job on Slurm); otherwise one job.</summary>
    public bool Parallel => Kind != StageKind.Reduce;
}

/// <summary>
/// The stages of a pipeline whose steps include barriers (<see cref="BarrierStep"/>): the steps
/// split at each barrier into segments of per-record steps; segment s runs as tasks i of N (the
/// existing <see cref="TaskRunner"/>, chunk checkpoints and all) over the previous segment's kept
/// output; barrier b sits between segments b-1 and b as an optional map stage (tasks) and a reduce
/// stage (one job), and segment b starts with a <see cref="BarrierApplyStep"/> under the barrier's
/// id. Layout under the output folder:
/// <c>.stages/segment-SS/</c> (kept parts of every segment but the last, which writes to the output
/// folder itself; markers of every segment in its <c>.tasks/</c>), <c>.stages/barrier-BB/</c>
/// (work files, <c>decisions-TTTTT.jsonl</c>, <c>clusters.jsonl</c>, markers). Removed records of
/// every segment go to <c>removed/</c> as <c>segmentSS-part-*</c>. Once the merge has verified and
/// written the output, it deletes <c>.stages/</c> (<see cref="RemoveStages"/>), first writing
/// <c>.tasks/stages-removed.json</c>: from then on every stage counts as done, so a rerun (local,
/// <c>--stage</c>, <c>--merge</c> or Slurm) reports the run done and writes nothing. Only the merge
/// deletes: a <c>--stage</c> job never does. With <c>keep_stages: true</c> (or <c>--keep-stages</c>)
/// <c>.stages/</c> stays, as does the old way to redo one task: delete its marker and rerun. Without
/// barriers a pipeline is one segment and none of this applies (the layout is the plain one).
/// </summary>
public sealed class PipelineStages
{
    public const string ClustersFile = "clusters.jsonl";
    private readonly PipelineRun _root;
    private readonly List<List<StepSpec>> _segments = [[]];
    private readonly List<StepSpec> _barriers = [];
    private readonly PipelineRun?[] _runs;
    private readonly object _gate = new();

    private PipelineStages(PipelineRun root)
    {
        _root = root;
        foreach (var s in root.Config.Steps)
        {
            if (typeof(BarrierStep).IsAssignableFrom(s.StepType))
            {
                _barriers.Add(s);
                _segments.Add([]);
            }
            else
            {
                _segments[^1].Add(s);
            }
        }
        _runs = new PipelineRun?[_segments.Count];
        var all = new List<PipelineStage>();
        for (int seg = 0; seg < _segments.Count; seg++)
        {
            if (seg > 0)
            {
                var b = _barriers[seg - 1];
                if (((BarrierStep)b.Create()).Maps) all.Add(new PipelineStage(all.Count, StageKind.Map, seg, seg, b.Id + ":map"));
                all.Add(new PipelineStage(all.Count, StageKind.Reduce, seg, seg, b.Id + ":reduce"));
            }
            all.Add(new PipelineStage(all.Count, StageKind.Records, seg, seg, $"segment-{seg}"));
        }
        All = all;
    }

    public static PipelineStages Of(PipelineRun run) => new(run);

    public IReadOnlyList<PipelineStage> All { get; }
    public bool HasBarriers => _barriers.Count > 0;
    public int Tasks => _root.Tasks;
    public string Folder => Path.Combine(_root.Layout.Folder, ".stages");
    public string BarrierFolder(int barrier) => Path.Combine(Folder, $"barrier-{barrier:D2}");
    public IReadOnlyList<StepSpec> Barriers => _barriers;

    /// <summary>Written just before <c>.stages/</c> is deleted; while it exists the run is finished.</summary>
    private string StagesRemovedMarker => Path.Combine(_root.Layout.Tasks, "stages-removed.json");

    /// <summary>The merge completed and removed <c>.stages/</c>: every stage is done and nothing is to be redone.</summary>
    public bool Finished => HasBarriers && File.Exists(StagesRemovedMarker);

    private string MapMarker(int barrier, int task) => Path.Combine(BarrierFolder(barrier), ".tasks", $"map-{task:D5}.done.json");
    private string ReduceMarker(int barrier) => Path.Combine(BarrierFolder(barrier), ".tasks", "reduce.done.json");
    private string SegmentHash(int seg) => $"{_root.Config.ConfigHash}/segment-{seg}";

    /// <summary>Where segment <paramref name="seg"/> writes; depends only on the config, so it is known before the segment can run.</summary>
    public OutputLayout SegmentLayout(int seg)
    {
        var own = Path.Combine(Folder, $"segment-{seg:D2}");
        return new OutputLayout(seg == _segments.Count - 1 ? _root.Layout.Folder : own, _root.Config.Compression)
        {
            Tasks = Path.Combine(own, ".tasks"),
            Removed = _root.Layout.Removed,
            Quarantine = _root.Layout.Quarantine,
            RemovedPrefix = $"segment{seg:D2}-",
        };
    }

    public bool IsDone(PipelineStage stage, int task) => Finished || stage.Kind switch
    {
        StageKind.Records => File.Exists(SegmentLayout(stage.Segment).DoneMarker(task)),
        StageKind.Map => File.Exists(MapMarker(stage.Barrier, task)),
        _ => File.Exists(ReduceMarker(stage.Barrier)),
    };

    /// <summary>The tasks of a stage (a reduce has the one task 0).</summary>
    public IReadOnlyList<int> Units(PipelineStage stage) => stage.Parallel ? Enumerable.Range(0, Tasks).ToList() : [0];

    public IReadOnlyList<int> Pending(PipelineStage stage) => Units(stage).Where(t => !IsDone(stage, t)).ToList();

    /// <summary>The run of segment <paramref name="seg"/>; a later segment's plan is its predecessor's kept shards, so that segment must be done.</summary>
    public PipelineRun Segment(int seg)
    {
        lock (_gate)
        {
            if (_runs[seg] is { } made) return made;
            var config = _root.Config with
            {
                Steps = (seg == 0 ? [] : new[] { ApplySpec(seg) }).Concat(_segments[seg]).ToList(),
                ConfigHash = SegmentHash(seg),
            };
            WorkPlan plan;
            if (seg == 0)
            {
                plan = _root.Plan;
            }
            else
            {
                var before = Segment(seg - 1);
                var shards = new List<(string, long)>();
                for (int t = 0; t < Tasks; t++)
                {
                    var path = before.Layout.DoneMarker(t);
                    if (!File.Exists(path))
                        throw new InvalidOperationException($"segment {seg} needs segment {seg - 1} finished, but its task {t} is not done ({path} missing); run that stage first");
                    foreach (var s in MarkerJson.Read<TaskMarker>(path).Kept) shards.Add((Path.Combine(before.Layout.Folder, s.Path), s.Bytes));
                }
                plan = WorkPlan.FromShards(shards, _root.Plan.Inputs, Tasks);
            }
            return _runs[seg] = PipelineRun.ForStage(config, plan, SegmentLayout(seg));
        }
    }

    private StepSpec ApplySpec(int barrier)
    {
        var b = _barriers[barrier - 1];
        return new StepSpec(b.Id, b.Type, typeof(BarrierApplyStep), new BarrierApplyOptions { Folder = BarrierFolder(barrier) }, b.Line);
    }

    /// <summary>Runs one task of a stage (task 0 of a reduce); a finished one is skipped. Returns (skipped, resumed from a checkpoint).</summary>
    public (bool Skipped, bool Resumed) Run(PipelineStage stage, int task, IProgress<long>? records = null, CancellationToken ct = default)
    {
        if (!Units(stage).Contains(task)) throw new ArgumentOutOfRangeException(nameof(task), $"stage {stage.Name} has no task {task}");
        if (Finished) return (true, false); // its inputs and markers are gone with .stages/; the output is complete
        switch (stage.Kind)
        {
            case StageKind.Records:
                var r = TaskRunner.Run(Segment(stage.Segment), task, records, ct);
                return (r.Skipped, r.ResumedChunks > 0);
            case StageKind.Map:
                if (IsDone(stage, task)) return (true, false);
                var (step, context) = Barrier(stage.Barrier, task, []);
                long n = step.Map(context, task, ct);
                MarkerJson.Write(MapMarker(stage.Barrier, task), new BarrierMarker { ConfigHash = _root.Config.ConfigHash, Step = _barriers[stage.Barrier - 1].Id, Records = n });
                return (false, false);
            default:
                if (IsDone(stage, task)) return (true, false);
                Reduce(stage.Barrier, ct);
                return (false, false);
        }
    }

    private void Reduce(int barrier, CancellationToken ct)
    {
        var spec = _barriers[barrier - 1];
        var mapped = new List<long>();
        if (((BarrierStep)spec.Create()).Maps)
        {
            for (int t = 0; t < Tasks; t++)
            {
                var path = MapMarker(barrier, t);
                if (!File.Exists(path)) throw new InvalidOperationException($"{spec.Id}: map task {t} is not done ({path} missing); run the map stage first");
                mapped.Add(MarkerJson.Read<BarrierMarker>(path).Records);
            }
        }
        var (step, context) = Barrier(barrier, 0, mapped);
        using var decisions = new BarrierDecisionWriter(BarrierFolder(barrier), Tasks, spec.Id);
        var result = context.Input.IsEmpty ? new BarrierResult() : step.Reduce(context, decisions, ct);
        decisions.Complete();
        MarkerJson.Write(ReduceMarker(barrier), new BarrierMarker
        {
            ConfigHash = _root.Config.ConfigHash, Step = spec.Id, Records = mapped.Sum(), Decisions = decisions.Written, Result = result,
        });
    }

    private (BarrierStep Step, BarrierContext Context) Barrier(int barrier, int task, IReadOnlyList<long> mapped)
    {
        var spec = _barriers[barrier - 1];
        var step = (BarrierStep)spec.Create();
        var stepContext = new StepContext(task, Tasks, _root.Config.BaseDirectory, _root.Config.Seed, spec.Id);
        step.Initialize(stepContext);
        var work = Path.Combine(BarrierFolder(barrier), "work");
        Directory.CreateDirectory(work);
        return (step, new BarrierContext(new BarrierInput(Segment(barrier).Plan), work, stepContext, mapped));
    }

    /// <summary>
    /// For the merge: every segment's counts joined into the whole pipeline's step list (a barrier's
    /// counts are its apply step's, plus the text changes its reduce reported), the last segment's
    /// kept shards and every segment's removed shards.
    /// </summary>
    internal (TaskStats Stats, List<ShardInfo> Kept, List<ShardInfo> Removed) Gather()
    {
        var stats = TaskStats.For(_root.Config.Steps.Select(s => s.Id));
        var removed = new List<ShardInfo>();
        var kept = new List<ShardInfo>();
        int offset = 0;
        for (int seg = 0; seg < _segments.Count; seg++)
        {
            var run = Segment(seg);
            var ids = run.Config.Steps.Select(s => s.Id).ToList();
            var missing = Enumerable.Range(0, Tasks).Where(t => !run.IsDone(t)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"cannot merge: {missing.Count} of {Tasks} tasks of segment {seg} are not done ({string.Join(", ", missing.Take(10))}); rerun them first");
            for (int t = 0; t < Tasks; t++)
            {
                var m = MarkerJson.Read<TaskMarker>(run.Layout.DoneMarker(t));
                if (m.ConfigHash != run.Config.ConfigHash || m.Tasks != Tasks) throw new InvalidOperationException($"{run.Layout.DoneMarker(t)} belongs to another run");
                stats.MergeStage(m.Stats, offset, seg == 0);
                removed.AddRange(m.Removed);
                if (seg == _segments.Count - 1) kept.AddRange(m.Kept);
            }
            if (seg > 0 && MarkerJson.Read<BarrierMarker>(ReduceMarker(seg)).Result is { } result)
            {
                stats.Steps[offset].ChangedRecords += result.ChangedRecords;
                stats.Steps[offset].ChangedChars += result.ChangedChars;
            }
            offset += ids.Count;
        }
        return (stats, kept, removed);
    }

    /// <summary>Each barrier's reduce marker and cluster sizes, in pipeline order.</summary>
    internal List<BarrierSummary> Summaries()
    {
        var list = new List<BarrierSummary>();
        for (int b = 1; b <= _barriers.Count; b++)
        {
            var marker = MarkerJson.Read<BarrierMarker>(ReduceMarker(b));
            var sizes = new SortedDictionary<int, long>();
            foreach (var group in File.ReadLines(BarrierDecisionWriter.ClustersFile(BarrierFolder(b)))
                         .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!["cluster"]!.GetValue<string>()).GroupBy(c => c, StringComparer.Ordinal))
            {
                int size = group.Count();
                sizes[size] = sizes.GetValueOrDefault(size) + 1;
            }
            list.Add(new BarrierSummary(marker.Step, marker.Decisions, marker.Result?.Details ?? new SortedDictionary<string, double>(), sizes));
        }
        return list;
    }

    /// <summary>
    /// Called by the merge once the output is complete. Unless <see cref="PipelineConfig.KeepStages"/>,
    /// marks the run finished, then deletes <c>.stages/</c>; the marker comes first, so a crash midway
    /// leaves a finished run whose next rerun (or merge) deletes the rest.
    /// </summary>
    internal void RemoveStages()
    {
        if (!HasBarriers) return;
        if (!Finished)
        {
            if (_root.Config.KeepStages) return;
            MarkerJson.Write(StagesRemovedMarker, _root.Fingerprint);
        }
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Every barrier's clusters, in pipeline order, into the output's <c>clusters.jsonl</c>.</summary>
    internal void WriteClusters()
    {
        var path = Path.Combine(_root.Layout.Folder, ClustersFile);
        using (var output = File.Create(path + ".tmp"))
            for (int b = 1; b <= _barriers.Count; b++)
                using (var input = File.OpenRead(BarrierDecisionWriter.ClustersFile(BarrierFolder(b))))
                    input.CopyTo(output);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
