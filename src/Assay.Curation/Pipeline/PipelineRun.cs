namespace Assay.Curation.Pipeline;

/// <summary>
/// A pipeline ready to execute: config, work plan and output layout. <see cref="Prepare"/> checks
/// that the output folder is empty or holds markers of this very run (same config hash, task count
/// and inputs), so a rerun resumes and a changed config never mixes with old output.
/// </summary>
public sealed class PipelineRun
{
    private PipelineRun(PipelineConfig config, WorkPlan plan, OutputLayout? layout = null)
    {
        Config = config;
        Plan = plan;
        Layout = layout ?? new OutputLayout(config.OutputFolder, config.Compression);
        Fingerprint = new RunFingerprint(config.ConfigHash, plan.Tasks, plan.Items.Count, plan.TotalBytes);
    }

    public PipelineConfig Config { get; }
    public WorkPlan Plan { get; }
    public OutputLayout Layout { get; }
    public RunFingerprint Fingerprint { get; }
    public int Tasks => Plan.Tasks;

    public static PipelineRun Prepare(PipelineConfig config, int? tasks = null)
    {
        var run = new PipelineRun(config, WorkPlan.Build(config, tasks));
        run.CheckFingerprint();
        return run;
    }

    /// <summary>For <c>--plan</c>: the same split, without looking at or writing to the output folder.</summary>
    public static PipelineRun ForPlanning(PipelineConfig config, int? tasks = null) => new(config, WorkPlan.Build(config, tasks));

    /// <summary>One stage of a pipeline with barrier steps: its own steps, plan and layout (see <see cref="PipelineStages"/>).</summary>
    internal static PipelineRun ForStage(PipelineConfig config, WorkPlan plan, OutputLayout layout)
    {
        var run = new PipelineRun(config, plan, layout);
        run.CheckFingerprint();
        return run;
    }

    private void CheckFingerprint()
    {
        if (File.Exists(Layout.RunFile))
        {
            var existing = MarkerJson.Read<RunFingerprint>(Layout.RunFile);
            if (existing != Fingerprint)
                throw new InvalidOperationException(
                    $"{Layout.Folder} holds output of a different run (config {existing.ConfigHash[..15]}…, {existing.Tasks} tasks, {existing.Items} work items) " +
                    $"than this one (config {Fingerprint.ConfigHash[..15]}…, {Fingerprint.Tasks} tasks, {Fingerprint.Items} work items); " +
                    "choose another output folder or delete it");
            return;
        }
        // Array tasks start together: entries another task of this run may already have made are not foreign.
        if (Directory.Exists(Layout.Folder) && Directory.EnumerateFileSystemEntries(Layout.Folder).Any(e => !IsOurs(Path.GetFileName(e))))
            throw new InvalidOperationException($"{Layout.Folder} is not empty and holds no run markers; choose an empty or new output folder");
        // Every task (thread or Slurm job) may get here first; they all write the same bytes.
        MarkerJson.Write(Layout.RunFile, Fingerprint);
    }

    private static bool IsOurs(string name) =>
        name is ".tasks" or ".stages" or "removed" or "quarantine" or "mixed" or PipelineStages.ClustersFile || name.StartsWith("part-", StringComparison.Ordinal);

    /// <summary>
    /// The command recorded in lineage: the same for every executor and worker count, since they
    /// all make the same dataset.
    /// </summary>
    public string LineageCommand => $"assay run {Path.GetFileName(Config.SourceFile)} --tasks {Tasks}";

    public bool IsDone(int task) => File.Exists(Layout.DoneMarker(task));
}
