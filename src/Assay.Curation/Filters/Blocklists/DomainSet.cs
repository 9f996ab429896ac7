namespace Assay.Curation.Filters.Blocklists;

/// <summary>
/// A set of blocked domains matched with subdomains: "example.com" blocks "example.com",
/// "www.example.com" and "a.b.example.com" but not "badexample.com".
/// </summary>
public sealed class DomainSet
{
    private readonly HashSet<string> _domains;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public DomainSet(IEnumerable<string> domains)
    {
        _domains = new HashSet<string>(domains.Select(Normalize).Where(d => d.Length > 0), StringComparer.OrdinalIgnoreCase);
        _lookup = _domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _domains.Count;

    /// <summary>The blocked domain that <paramref name="host"/> falls under, or null.</summary>
    public string? Match(ReadOnlySpan<char> host)
    {
        host = host.TrimEnd('.');
        while (!host.IsEmpty)
        {
            if (_lookup.TryGetValue(host, out var hit)) return hit;
            int dot = host.IndexOf('.');
            if (dot < 0) return null;
            host = host[(dot + 1)..];
        }
        return null;
    }

    /// <summary>The host of a URL ("https://User@Sub.Example.com:8080/x" → "sub.example.com"); also accepts a bare host.</summary>
    public static string? HostOf(string url)
    {
        var s = url.AsSpan().Trim();
        int scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        else if (s.StartsWith("//")) s = s[2..];
        int end = s.IndexOfAny('/', '?', '#');
        if (end >= 0) s = s[..end];
        int at = s.LastIndexOf('@');
        if (at >= 0) s = s[(at + 1)..];
        if (s.StartsWith('['))
        {
            int close = s.IndexOf(']');
            return close < 0 ? null : s[..(close + 1)].ToString().ToLowerInvariant();
        }
        int colon = s.IndexOf(':');
        if (colon >= 0) s = s[..colon];
        s = s.TrimEnd('.');
        return s.IsEmpty ? null : s.ToString().ToLowerInvariant();
    }

    private static string Normalize(string line)
    {
        var d = line.Trim();
        if (d.Contains('/') || d.Contains(':')) d = HostOf(d) ?? "";
        if (d.StartsWith("*.", StringComparison.Ordinal)) d = d[2..];
        return d.TrimStart('.').TrimEnd('.').ToLowerInvariant();
    }
}
