using System.CommandLine;
using System.Reflection;
using Assay.Cli.Infrastructure;
using Assay.Curation.Executors;
using Assay.Curation.Mixing;
using Assay.Curation.Pipeline;

namespace Assay.Cli.Commands;

/// <summary><c>assay run PIPELINE.yaml</c>, <c>assay steps</c> and <c>assay mix</c>: thin handlers over Assay.Curation.Pipeline and .Mixing.</summary>
internal sealed class RunCommands : ICommandGroup
{
    public IEnumerable<Command> Commands() => [Run(), Steps(), Mix()];

    private static Command Run()
    {
        var pipeline = new Argument<string>("PIPELINE") { Description = "Pipeline YAML: input, steps, output, on_error, seed (see examples/)" };
        var executor = new Option<string>("--executor") { Description = "local (threads) or slurm (array jobs)", DefaultValueFactory = _ => "local" };
        executor.AcceptOnlyFromAmong("local", "slurm");
        var tasks = new Option<int?>("--tasks") { Description = "Number of tasks N (default: the file's 'tasks', else one per work item)" };
        var workers = new Option<int>("--workers") { Description = "Local worker threads K (output is the same for any K)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var task = new Option<int?>("--task") { Description = "Run only task i of N (what each Slurm array element does); no merge" };
        var stage = new Option<int?>("--stage") { Description = "With barrier steps (dedup): run only stage S (task i with --task; see --plan for the stages); no merge" };
        var merge = new Option<bool>("--merge") { Description = "Only merge finished tasks into dataset.json, stats.json and report.html" };
        var keepStages = new Option<bool>("--keep-stages") { Description = "With barrier steps: keep the intermediate .stages/ after the merge (as keep_stages: true); by default it is deleted" };
        var plan = new Option<bool>("--plan") { Description = "Estimate RAM, disk and time per stage from a sample, without running" };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition" };
        var mem = new Option<int?>("--mem-mb") { Description = "Slurm memory per task (MB)" };
        var cmd = new Command("run", "Run a curation pipeline: tasks over shards and byte ranges, checkpointed and resumable, then merge")
        {
            pipeline, executor, tasks, workers, task, stage, merge, keepStages, plan, partition, mem,
        };
        cmd.SetHandler((p, ctx, ct) =>
        {
            var config = PipelineLoader.Load(p.GetValue(pipeline)!);
            if (p.GetValue(keepStages)) config = config with { KeepStages = true };
            if (p.GetValue(plan))
            {
                var estimate = Planner.Plan(PipelineRun.ForPlanning(config, p.GetValue(tasks)), p.GetValue(executor)!, p.GetValue(workers), ct: ct);
                ctx.Result(estimate, DescribePlan(estimate));
                return 0;
            }
            var run = PipelineRun.Prepare(config, p.GetValue(tasks));
            if (p.GetValue(stage) is int si)
            {
                var stages = PipelineStages.Of(run);
                if ((uint)si >= (uint)stages.All.Count) throw new ArgumentException($"--stage {si}: this pipeline has stages 0..{stages.All.Count - 1}");
                var st = stages.All[si];
                int ti = p.GetValue(task) ?? (st.Parallel ? throw new ArgumentException($"stage {si} ({st.Name}) runs as tasks: give --task i") : 0);
                var (skippedStage, _) = ctx.WithProgress($"stage {st.Name} task {ti}", _ => stages.Run(st, ti, ct: ct));
                ctx.Result(new { stage = si, name = st.Name, task = ti, skipped = skippedStage }, $"stage {si} ({st.Name}) task {ti} {(skippedStage ? "was already done" : "done")}");
                return 0;
            }
            if (p.GetValue(task) is int i)
            {
                var r = ctx.WithProgress($"task {i}/{run.Tasks}", pr => new LocalExecutor(1).Run(run, [i], merge: false, progress: pr, ct: ct));
                ctx.Result(r, r.TasksSkipped > 0 ? $"task {i} was already done" : $"task {i} of {run.Tasks} done in {r.Elapsed.TotalSeconds:F1} s");
                return 0;
            }
            if (p.GetValue(merge))
            {
                var s = PipelineMerger.Merge(run);
                ctx.Result(s, Describe(s, config.OutputFolder));
                return 0;
            }
            RunSummary summary = p.GetValue(executor) == "slurm"
                ? ctx.WithProgress("slurm", pr => new SlurmExecutor(new SlurmOptions
                {
                    AssayCommand = SelfCommand(), Partition = p.GetValue(partition), MemoryMbPerTask = p.GetValue(mem),
                }).Run(run, pr, ct))
                : ctx.WithProgress("run", pr => new LocalExecutor(p.GetValue(workers)).Run(run, progress: pr, ct: ct));
            ctx.Info($"{summary.TasksRun} tasks run, {summary.TasksSkipped} already done, {summary.TasksResumed} resumed from a checkpoint, {summary.Elapsed.TotalSeconds:F1} s");
            ctx.Result(summary.Stats!, Describe(summary.Stats!, config.OutputFolder));
            return 0;
        });
        return cmd;
    }

    private static Command Steps()
    {
        var cmd = new Command("steps", "List the registered pipeline steps and their parameters");
        cmd.SetHandler((p, ctx, ct) =>
        {
            var steps = StepRegistry.Default.All.Select(s => new { name = s.Name, kind = s.Kind, description = s.Description, parameters = StepParameters.Describe(s.OptionsType) }).ToList();
            ctx.Result(steps, string.Join('\n', steps.Select(s => $"{s.name,-24} {s.kind,-9} {s.description}\n{"",-24} {s.parameters}")));
            return 0;
        });
        return cmd;
    }

    private static Command Mix()
    {
        var inputs = new Option<string[]>("--input", "-i") { Description = "DATASET to mix, or NAME=DATASET to set its source name (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };
        var weights = new Option<string>("--weights", "-w") { Description = "Target token shares per source, e.g. web=0.7,books=0.3", Required = true };
        var output = CommonOptions.Output("Output dataset folder");
        var total = new Option<long?>("--total-tokens") { Description = "Tokens to write (default: the most possible without upsampling)" };
        var maxRepeat = new Option<double>("--max-repeat") { Description = "Upsample any source at most this many times", DefaultValueFactory = _ => 4.0 };
        var compression = new Option<string>("--compression") { Description = "none, gzip or zstd", DefaultValueFactory = _ => "none" };
        var seed = CommonOptions.Seed();
        var cmd = new Command("mix", "Mix sources to target proportions by whitespace tokens, down- or up-sampling deterministically")
        {
            inputs, weights, output, total, maxRepeat, compression, seed,
        };
        cmd.SetHandler((p, ctx, ct) =>
        {
            var spec = new MixSpec(MixArguments.Weights(p.GetValue(weights)!), p.GetValue(total), p.GetValue(maxRepeat));
            var r = Mixer.Run(p.GetValue(inputs)!.Select(MixArguments.Input).ToList(), spec, p.GetValue(output)!, p.GetValue(seed),
                Core.IO.ShardFormat.Parse(p.GetValue(compression)!), ct: ct);
            ctx.Result(r, $"{r.OutRecords:N0} records, {r.OutTokens:N0} tokens → {r.Output}\n" + string.Join('\n', r.Sources.Select(s =>
                $"  {s.Source,-16} target {s.TargetShare,7:P1}  achieved {s.AchievedShare,7:P1}  rate {s.Rate:F3}{(s.Capped ? " (capped)" : "")}")));
            return 0;
        });
        return cmd;
    }

    private static string DescribePlan(PipelinePlan p)
    {
        static string Bytes(long b) => b >= 1L << 30 ? $"{b / (double)(1L << 30):F1} GiB" : b >= 1L << 20 ? $"{b / (double)(1L << 20):F1} MiB" : $"{b / 1024.0:F0} KiB";
        static string Time(double s) => s >= 3600 ? $"{s / 3600:F1} h" : s >= 60 ? $"{s / 60:F1} min" : $"{s:F1} s";
        var lines = new List<string>
        {
            $"plan: {p.Executor}, {p.Tasks} tasks, {p.Workers} workers, {p.WorkItems} work items, {Bytes(p.InputBytes)} input, ~{p.EstimatedRecords:N0} records",
            $"sample: {p.SampledRecords:N0} records from the starts of {p.SampledShards} work items spread over the input; read {p.ReadMsPer1kRecords:F1} ms/1k records, write {p.WriteMsPer1kRecords:F1} ms/1k",
        };
        foreach (var s in p.Steps) lines.Add($"  step {s.Step,-26} {s.MsPer1kRecords,8:F1} ms/1k records   keeps {s.KeptFraction,6:P1}");
        int width = Math.Max(8, p.Stages.Max(s => s.Name.Length));
        foreach (var s in p.Stages) lines.Add($"  stage {s.Name.PadRight(width)} wall {Time(s.WallSeconds),9}  RAM {Bytes(s.RamBytes),10}  disk {Bytes(s.DiskBytes),10}  ({s.Note})");
        lines.Add($"  total {new string(' ', width)} wall {Time(p.TotalWallSeconds),9}  RAM {Bytes(p.PeakRamBytes),10}  disk {Bytes(p.TotalDiskBytes),10}");
        return string.Join('\n', lines);
    }

    private static string Describe(PipelineStats s, string output)
    {
        var lines = new List<string> { $"{s.Input:N0} records in, {s.Kept:N0} kept, {s.Removed:N0} removed, {s.Quarantined:N0} quarantined → {output}" };
        foreach (var step in s.Steps)
            lines.Add($"  {step.Step,-26} in {step.In,12:N0}  kept {step.Kept,12:N0}" +
                      string.Concat(step.Removed.Select(r => $"  {r.Key}={r.Value:N0}")) +
                      (step.ChangedRecords > 0 ? $"  changed {step.ChangedRecords:N0} records / {step.ChangedChars:N0} chars" : ""));
        return string.Join('\n', lines);
    }

    /// <summary>The command that runs this very assay build (apphost, or dotnet + dll) for Slurm jobs.</summary>
    private static string SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var dll = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && dll is { Length: > 0 }
            ? $"{SlurmScripts.Quote(process)} {SlurmScripts.Quote(dll)}"
            : SlurmScripts.Quote(process);
    }
}
