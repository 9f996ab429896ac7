using Assay.Core.Records;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Blocklists;

/// <summary>
/// Removes records whose <c>meta.url</c> host is a blocked domain or one of its subdomains. Simpler than
/// datatrove's URLFilter (no banned-word/subword scoring, no tldextract): exact domain-suffix matching.
/// </summary>
[StepName(Name, typeof(UrlBlocklistOptions), Description = "URL blocklist: meta.url host against a domain list, subdomains included")]
public sealed class UrlBlocklistFilter(UrlBlocklistOptions options) : FilterStep
{
    public const string Name = "url_blocklist_v1";

    private DomainSet? _domains;

    public override void Initialize(StepContext context)
    {
        var all = options.Domains.AsEnumerable();
        if (options.DomainsFile is { } file)
            all = all.Concat(WordListMatcher.ReadListFile(WordListMatcher.Resolve(file, context.BaseDirectory)));
        _domains = new DomainSet(all);
    }

    public override Verdict Judge(Record record)
    {
        var domains = _domains ?? throw new InvalidOperationException($"{Name}: Initialize was not called.");
        var url = record.GetMetaString(options.UrlKey);
        if (url is null) return options.RemoveIfNoUrl ? Verdict.Remove("url_blocklist:no_url") : Verdict.Kept;
        var host = DomainSet.HostOf(url);
        if (host is null) return options.RemoveIfNoUrl ? Verdict.Remove("url_blocklist:no_url") : Verdict.Kept;
        var hit = domains.Match(host);
        if (hit is null) return Verdict.Kept;
        Signals.Set(record, "url_blocklist", "domain", hit);
        return Verdict.Remove("url_blocklist:domain");
    }
}
