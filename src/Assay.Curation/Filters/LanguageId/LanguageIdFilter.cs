using Assay.Core.Packs;
using Assay.Core.Records;
using Assay.Curation.Steps;
using Assay.Text.FastText;

namespace Assay.Curation.Filters.LanguageId;

/// <summary>
/// Keeps records whose top-1 language (fastText lid.176 on the whole text, newlines as spaces) is
/// allowed with at least <see cref="LanguageIdOptions.MinScore"/>; always writes lang and score.
/// </summary>
[StepName(Name, typeof(LanguageIdOptions), Description = "Language id with fastText lid.176: keep allowed languages above a score (signals: lang, score)")]
public sealed class LanguageIdFilter(LanguageIdOptions options) : FilterStep
{
    public const string Name = "langid_v1";

    private LanguageIdentifier? _lid;
    private HashSet<string> _allowed = [];

    public override void Initialize(StepContext context)
    {
        if (options.MinScore is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), $"{Name}: min_score must be within [0, 1]");
        var model = options.Model is { } m
            ? StepPaths.Resolve(context, m)
            : Path.Combine(PackPuller.Pull("lid176").Path, "lid.176.ftz");
        _lid = SharedModels.Get(model, LanguageIdentifier.Load);
        _allowed = new HashSet<string>(options.Languages, StringComparer.Ordinal);
    }

    public override Verdict Judge(Record record)
    {
        var (lang, score) = _lid!.Identify(record.Text);
        Signals.Set(record, Name, "lang", lang);
        Signals.Set(record, Name, "score", score);
        if (_allowed.Count == 0) return Verdict.Kept;
        if (!_allowed.Contains(lang)) return Verdict.Remove($"{Name}:language");
        return score >= options.MinScore ? Verdict.Kept : Verdict.Remove($"{Name}:low_score");
    }
}
