using System.CommandLine;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Core.Stats;

namespace Assay.Cli.Commands;

/// <summary><c>assay stats DATASET</c>: counts, length histograms, per-source and per-label breakdowns; stats.json + report.html.</summary>
internal sealed class StatsCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var dataset = new Argument<string>("DATASET") { Description = "A dataset folder, a folder of shards, a shard file, or a glob (quote it)" };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for stats.json and report.html (default: out/stats-NAME)" };
        var onError = CommonOptions.OnError();
        var cmd = new Command("stats", "Measure a dataset: records, words, characters, length histograms, per-source and per-label breakdown; checks the manifest's counts and checksums") { dataset, output, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var input = DatasetInput.Resolve(parse.GetValue(dataset)!);
            var outDir = parse.GetValue(output) ?? Path.Combine("out", "stats-" + SafeName(input));
            var result = Run(ctx, input, parse.GetValue(onError), outDir, ct);
            var (json, html) = StatsReport.Write(result, outDir, "assay " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
            ctx.Result(new { stats = result, stats_json = json, report = html },
                $"{result.Records:N0} records, {result.Words:N0} words, {result.Chars:N0} characters in {result.Shards} shard(s)\n" +
                $"sources: {string.Join(", ", result.BySource.Select(kv => $"{kv.Key} {kv.Value.Records:N0}"))}\n" +
                (result.ByLabel.Count > 1 || !result.ByLabel.ContainsKey("(none)") ? $"labels: {string.Join(", ", result.ByLabel.Take(12).Select(kv => $"{kv.Key} {kv.Value.Records:N0}"))}{(result.ByLabel.Count > 12 ? ", …" : "")}\n" : "") +
                (result.Quarantined > 0 ? $"quarantined: {result.Quarantined:N0} lines in {Path.Combine(outDir, "quarantine")}\n" : "") +
                string.Concat(result.ManifestChecks.Select(c => $"warning: {c}\n")) +
                $"report: {html}");
            return result.ManifestChecks.Count == 0 ? 0 : 1;
        });
        yield return cmd;
    }

    internal static DatasetStatsResult Run(CliContext ctx, DatasetInput input, OnError onError, string outDir, CancellationToken ct)
    {
        using var quarantine = onError == OnError.Quarantine ? new QuarantineWriter(Path.Combine(outDir, "quarantine")) : null;
        var options = new ReadOptions { OnError = onError, Quarantine = quarantine, RequireText = false };
        return ctx.WithProgress("stats", p => DatasetStats.Compute(input, options, p, ct));
    }

    internal static string SafeName(DatasetInput input)
    {
        var name = input.Manifest?.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(input.Folder ?? input.Shards[0]));
        return string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
    }
}
