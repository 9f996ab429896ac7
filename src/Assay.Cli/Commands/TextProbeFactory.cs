using Assay.Cli.Infrastructure;
using Assay.Core.Packs;
using Assay.Core.Stats;
using Assay.Text.Bpe;
using Assay.Text.FastText;

namespace Assay.Cli.Commands;

/// <summary>Builds the optional token-count and language probes of `stats` and `quickstart` from the tiktoken and lid176 packs.</summary>
internal static class TextProbeFactory
{
    public static StatsProbes? Create(CliContext ctx, string? tokenizer, bool langid, CancellationToken ct)
    {
        if (tokenizer is null && !langid) return null;
        var probes = new StatsProbes();
        if (tokenizer is not null)
        {
            string? dir = File.Exists(tokenizer) ? null : ctx.WithProgress("pull tiktoken", p => PackPuller.Pull("tiktoken", p, ct)).Path;
            var enc = TiktokenEncoding.Load(tokenizer, dir);
            probes = probes with { TokenizerName = enc.Name, CountTokens = t => enc.Count(t) };
        }
        if (langid)
        {
            var lid = LanguageIdentifier.Load(Path.Combine(ctx.WithProgress("pull lid176", p => PackPuller.Pull("lid176", p, ct)).Path, "lid.176.ftz"));
            probes = probes with { LanguageModelName = "fastText lid.176", IdentifyLanguage = t => lid.Identify(t).Lang };
        }
        return probes;
    }
}
