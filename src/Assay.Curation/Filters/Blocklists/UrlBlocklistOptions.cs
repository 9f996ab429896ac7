namespace Assay.Curation.Filters.Blocklists;

/// <summary>Domain blocklist on <c>meta.url</c>. No published defaults: the list is the user's.</summary>
public sealed record UrlBlocklistOptions
{
    /// <summary>One domain a line ('#' comments); relative paths resolve against the pipeline folder.</summary>
    public string? DomainsFile { get; init; }
    /// <summary>Inline domains, added to the file's.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];
    public string UrlKey { get; init; } = "url";          // meta key holding the URL (datatrove's metadata["url"])
    public bool RemoveIfNoUrl { get; init; }             // false: records without a URL are kept
}
