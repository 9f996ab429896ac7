using Assay.Core.Accounting;
using Assay.Core.Datasets;
using Assay.Core.IO;

namespace Assay.Curation.Pipeline;

/// <summary>
/// The merge stage: reads every task marker, checks the accounts add up (loudly), and writes the
/// kept and removed <c>dataset.json</c> (with lineage), <c>stats.json</c> and <c>report.html</c>;
/// then, for a pipeline with barriers, deletes <c>.stages/</c> unless kept (<see cref="PipelineStages"/>).
/// </summary>
public static class PipelineMerger
{
    public static PipelineStats Merge(PipelineRun run, string? assayVersion = null)
    {
        var layout = run.Layout;
        var stages = PipelineStages.Of(run);
        var statsPath = Path.Combine(layout.Folder, PipelineStats.FileName);
        if (stages.Finished)
        {
            // Merged before and .stages/ removed: the output stands as written; only finish a removal a crash cut short.
            if (!File.Exists(statsPath))
                throw new InvalidOperationException($"{layout.Folder}: the run finished and removed .stages/, but {PipelineStats.FileName} is missing; delete the output folder to run again");
            stages.RemoveStages();
            return MarkerJson.Read<PipelineStats>(statsPath);
        }
        var (stats, kept, removed) = stages.HasBarriers ? stages.Gather() : Gather(run);
        var accounting = stats.ToAccounting();
        accounting.Verify();
        long removedCount = accounting.Steps.Sum(s => s.RemovedTotal);
        if (kept.Sum(s => s.Records) != accounting.FinalKept)
            throw new AccountingException($"kept shards hold {kept.Sum(s => s.Records)} records but the steps kept {accounting.FinalKept}");
        if (removed.Sum(s => s.Records) != removedCount)
            throw new AccountingException($"removed shards hold {removed.Sum(s => s.Records)} records but the steps removed {removedCount}");
        VerifyFiles(layout.Folder, kept);
        VerifyFiles(layout.Removed, removed);

        var lineage = new Lineage
        {
            Command = run.LineageCommand,
            ConfigHash = run.Config.ConfigHash,
            Inputs = run.Config.Inputs.Select((inp, i) => new LineageInput(inp.Path, run.Plan.Inputs[i].Checksum())).ToList(),
            AssayVersion = assayVersion,
        };
        var sources = run.Config.Inputs.Where(i => i.Source is not null && i.License is not null)
            .GroupBy(i => i.Source!).ToDictionary(g => g.Key, g => new SourceEntry { Name = g.Key, License = g.First().License });
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(layout.Folder));
        DatasetManifests.Build(name, kept, sources, lineage, "records kept by " + Path.GetFileName(run.Config.SourceFile)).Save(layout.Folder);
        DatasetManifests.Build(name + "-removed", removed, sources, lineage, "records removed by " + Path.GetFileName(run.Config.SourceFile)).Save(layout.Removed);

        if (stages.HasBarriers) stages.WriteClusters();

        var mix = run.Config.Mix is { } spec
            ? Mixing.Mixer.Run([new Mixing.MixInput(layout.Folder)], spec, layout.Mixed, run.Config.Seed, run.Config.Compression, lineage)
            : null;
        var result = PipelineStats.From(run, stats, accounting, kept, removed) with { Mix = mix, Barriers = stages.HasBarriers ? stages.Summaries() : null };
        MarkerJson.Write(statsPath, result);
        PipelineReport.Build(run, result).Save(Path.Combine(layout.Folder, PipelineReport.FileName));
        stages.RemoveStages(); // last: everything above read .stages/ and the output is now complete
        return result;
    }

    private static (TaskStats Stats, List<ShardInfo> Kept, List<ShardInfo> Removed) Gather(PipelineRun run)
    {
        var missing = Enumerable.Range(0, run.Tasks).Where(t => !run.IsDone(t)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"cannot merge: {missing.Count} of {run.Tasks} tasks are not done ({string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}); rerun them first");

        var markers = Enumerable.Range(0, run.Tasks).Select(t => MarkerJson.Read<TaskMarker>(run.Layout.DoneMarker(t))).ToList();
        var stats = TaskStats.For(run.Config.Steps.Select(s => s.Id));
        foreach (var m in markers)
        {
            if (m.ConfigHash != run.Config.ConfigHash || m.Tasks != run.Tasks)
                throw new InvalidOperationException($"{run.Layout.DoneMarker(m.Task)} belongs to another run");
            stats.Merge(m.Stats);
        }
        return (stats, markers.SelectMany(m => m.Kept).ToList(), markers.SelectMany(m => m.Removed).ToList());
    }

    /// <summary>A marker promises its shards: check they exist with the recorded size (hashes were taken while writing).</summary>
    private static void VerifyFiles(string folder, IEnumerable<ShardInfo> shards)
    {
        foreach (var s in shards)
        {
            var path = Path.Combine(folder, s.Path);
            if (!File.Exists(path)) throw new InvalidDataException($"{path}: listed in a task marker but missing; delete that task's marker to redo it");
            if (new FileInfo(path).Length != s.Bytes)
                throw new InvalidDataException($"{path}: {new FileInfo(path).Length} bytes but its marker says {s.Bytes}; delete that task's marker to redo it");
        }
    }
}
