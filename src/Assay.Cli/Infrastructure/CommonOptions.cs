using System.CommandLine;
using Assay.Core.Records;

namespace Assay.Cli.Infrastructure;

/// <summary>Options that mean the same on every command.</summary>
internal static class CommonOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of text",
        Recursive = true,
    };

    public static Option<string> Input(string description = "Input DATASET: a dataset folder, a folder of shards, a shard file, or a glob") =>
        new("--input", "-i") { Description = description, Required = true };

    public static Option<string> Output(string description) =>
        new("--output", "-o") { Description = description, Required = true };

    public static Option<OnError> OnError() => new("--on-error")
    {
        Description = "What to do with a bad input line: 'fail' stops with file and line; 'quarantine' sets the line aside verbatim in quarantine/ and goes on",
        DefaultValueFactory = _ => Core.Records.OnError.Fail,
    };

    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "Random seed; same input, config and seed give the same output bytes",
        DefaultValueFactory = _ => 0UL,
    };
}
