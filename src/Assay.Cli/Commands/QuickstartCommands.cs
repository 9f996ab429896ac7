using System.CommandLine;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Packs;
using Assay.Core.Records;
using Assay.Core.Stats;

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
        var cmd = new Command("quickstart", "Pull a real data pack (State of the Union addresses by default), compute its statistics and write an HTML report") { pack, output };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var name = parse.GetValue(pack)!;
            var outDir = parse.GetValue(output)!;
            var pulled = ctx.WithProgress($"pull {name}", p => PackPuller.Pull(name, p, ct));
            ctx.Info($"{name}: {pulled.Records:N0} records at {pulled.Path}{(pulled.FromCache ? " (cached)" : "")}");
            var input = DatasetInput.Resolve(pulled.Path);
            var stats = StatsCommands.Run(ctx, input, OnError.Fail, outDir, ct);
            var (json, html) = StatsReport.Write(stats, outDir, $"assay quickstart --pack {name}");
            ctx.Result(new { pack = name, dataset = pulled.Path, records = stats.Records, words = stats.Words, stats_json = json, report = html },
                $"{stats.Records:N0} records, {stats.Words:N0} words, {stats.Chars:N0} characters\n" +
                $"dataset: {pulled.Path}\nstats:   {json}\nreport:  {Path.GetFullPath(html)}");
            return 0;
        });
        yield return cmd;
    }
}
