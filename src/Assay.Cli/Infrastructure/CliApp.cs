using System.CommandLine;

namespace Assay.Cli.Infrastructure;

internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Assay: curate, value and document foundation-model data.\n" +
            "Datasets are folders of JSONL shards (.jsonl, .jsonl.gz, .jsonl.zst) with a dataset.json manifest.\n" +
            "Start with './assay quickstart', or './assay data list' to see the real data packs.");
        root.Add(CommonOptions.Json);
        var commands = typeof(CliApp).Assembly.GetTypes()
            .Where(t => typeof(ICommandGroup).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract)
            .Select(t => (ICommandGroup)Activator.CreateInstance(t)!)
            .SelectMany(g => g.Commands())
            .OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var c in commands) root.Add(c);
        return root;
    }
}
