using Assay.Core.Packs;
using Assay.Text.Bpe;

namespace Assay.Cli.Infrastructure;

/// <summary>Where js-tiktoken's rank files are: $ASSAY_TIKTOKEN_DIR if set, else the tiktoken pack, pulled on first use.</summary>
internal static class TiktokenRanks
{
    public static string Directory(CliContext ctx, CancellationToken ct)
    {
        var dir = Environment.GetEnvironmentVariable(TiktokenEncoding.DirectoryVariable);
        return !string.IsNullOrEmpty(dir) ? dir : ctx.WithProgress("pull tiktoken", p => PackPuller.Pull("tiktoken", p, ct)).Path;
    }
}
