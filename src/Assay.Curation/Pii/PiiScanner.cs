using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Assay.Curation.Pii;

/// <summary>
/// Finds personal data spans. Emails and IPv6 use hand scanners around '@' and ':' (rare characters, so
/// most of the text is skipped by vectorized IndexOf); IPv4, phones and cards use source-generated
/// regexes followed by checks a regex can't express (digit counts, card grouping, Luhn). Design choices
/// that trade recall for precision, each covered by tests:
/// <list type="bullet">
/// <item>IPv4: four dotted octets 0–255 not inside a longer dotted/word run. A version string such as
///   "1.2.3.4" is indistinguishable; only ones introduced by "version", "ver", "v", "release", "build"
///   are spared.</item>
/// <item>IPv6: full 8-group forms, or "::"-compressed forms with at least 2 groups and a decimal digit;
///   must parse as an IPv6 address. Times (12:30:45) and MAC addresses don't parse or have no "::".</item>
/// <item>Phones: North-American numbers need separators or parentheses ((212) 555-1212, 212.555.1212,
///   +1 212 555 1212) and valid area/exchange codes ([2-9]xx); international numbers need a leading '+'
///   and 8–15 digits (E.164). Plain digit runs, ISO dates and prices never match.</item>
/// <item>Cards: 13–19 digits, first digit 2–6 (Mastercard 2-series … Discover), ungrouped or grouped
///   4-4-4-4(-1..3), 4-6-5 or 4-6-4 with spaces/dashes, and Luhn-valid.</item>
/// </list>
/// </summary>
public static partial class PiiScanner
{
    // Octets 0..255; not glued to word chars, dots or more digits on either side.
    [GeneratedRegex(@"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    // NANP: optional +1/1, area code in parentheses or followed by a separator, exchange, separator, line.
    [GeneratedRegex(@"(?<![\w+./-])(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\)[ .-]?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}(?![-.]?\d)(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex NorthAmericanPhone();

    // E.164-like: '+', country code, then groups (optionally parenthesized) with single separators.
    [GeneratedRegex(@"(?<![\w+])\+[1-9]\d{0,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){1,6}(?![-.]?\d)(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPhone();

    // 13..19 digits with optional single space/dash separators, not part of a longer digit run.
    [GeneratedRegex(@"(?<!\d[ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardCandidate();

    /// <summary>All non-overlapping matches, sorted by start. Where detectors overlap the earlier start wins, then the longer span, then <see cref="PiiKind"/> order.</summary>
    public static void Find(string text, PiiOptions options, List<PiiMatch> into)
    {
        into.Clear();
        if (options.Emails) FindEmails(text, into);
        if (options.CreditCards) FindCards(text, into);
        if (options.IpAddresses) { FindIpv4(text, into); FindIpv6(text, into); }
        if (options.Phones) FindPhones(text, into);
        if (into.Count < 2) return;
        into.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Kind.CompareTo(b.Kind));
        int write = 0, end = -1;
        for (int i = 0; i < into.Count; i++)
        {
            var m = into[i];
            if (m.Start < end) continue;
            into[write++] = m;
            end = m.End;
        }
        into.RemoveRange(write, into.Count - write);
    }

    /// <summary>The text with every match replaced by its placeholder (matches sorted, non-overlapping).</summary>
    public static string Redact(string text, List<PiiMatch> matches)
    {
        if (matches.Count == 0) return text;
        var sb = new StringBuilder(text.Length);
        int at = 0;
        foreach (var m in matches)
        {
            sb.Append(text, at, m.Start - at).Append(PiiPlaceholders.For(m.Kind));
            at = m.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    private static void FindEmails(string text, List<PiiMatch> into)
    {
        int from = 0, at;
        while ((at = text.IndexOf('@', from)) >= 0)
        {
            from = at + 1;
            int s = at;
            while (s > 0 && IsLocalChar(text[s - 1])) s--;
            while (s < at && text[s] == '.') s++;
            if (s == at) continue;
            int e = at + 1;
            while (e < text.Length && (char.IsAsciiLetterOrDigit(text[e]) || text[e] is '.' or '-')) e++;
            while (e > at + 1 && text[e - 1] is '.' or '-') e--;
            if (!IsEmailDomain(text.AsSpan(at + 1, e - at - 1))) continue;
            into.Add(new PiiMatch(s, e - s, PiiKind.Email));
            from = e;
        }
    }

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsEmailDomain(ReadOnlySpan<char> domain)
    {
        int lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain[0] is '.' or '-' || domain.Contains("..", StringComparison.Ordinal)) return false;
        var tld = domain[(lastDot + 1)..];
        if (tld.Length < 2) return false;
        foreach (char c in tld)
            if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    private static void FindCards(string text, List<PiiMatch> into)
    {
        foreach (var m in CardCandidate().EnumerateMatches(text))
        {
            var span = text.AsSpan(m.Index, m.Length);
            if (span[0] is < '2' or > '6' || !HasCardGrouping(span) || !Luhn.IsValid(span)) continue;
            into.Add(new PiiMatch(m.Index, m.Length, PiiKind.CreditCard));
        }
    }

    /// <summary>Ungrouped, or 4-4-4-4(-1..3), 4-6-5 or 4-6-4 groups.</summary>
    private static bool HasCardGrouping(ReadOnlySpan<char> s)
    {
        Span<int> groups = stackalloc int[20];
        int count = 0, run = 0;
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c)) { run++; continue; }
            groups[count++] = run;
            run = 0;
        }
        groups[count++] = run;
        if (count == 1) return true;
        var g = groups[..count];
        if (g.Length is 4 or 5 && g[0] == 4 && g[1] == 4 && g[2] == 4 && g[3] == 4 && (g.Length == 4 || g[4] is >= 1 and <= 3)) return true;
        return g.Length == 3 && g[0] == 4 && g[1] == 6 && g[2] is 4 or 5;
    }

    private static readonly string[] VersionWords = ["version", "ver", "v", "release", "build"];

    private static void FindIpv4(string text, List<PiiMatch> into)
    {
        foreach (var m in Ipv4().EnumerateMatches(text))
        {
            if (FollowsVersionWord(text.AsSpan(0, m.Index))) continue;
            into.Add(new PiiMatch(m.Index, m.Length, PiiKind.IpAddress));
        }
    }

    private static bool FollowsVersionWord(ReadOnlySpan<char> before)
    {
        var t = before.TrimEnd();
        if (t.Length == before.Length && before.Length > 0) return false; // glued to something other than space
        if (t.EndsWith('.')) t = t[..^1];
        foreach (var w in VersionWords)
        {
            if (!t.EndsWith(w, StringComparison.OrdinalIgnoreCase)) continue;
            if (t.Length == w.Length || !char.IsLetterOrDigit(t[^(w.Length + 1)])) return true;
        }
        return false;
    }

    private static void FindIpv6(string text, List<PiiMatch> into)
    {
        int from = 0, colon;
        while ((colon = text.IndexOf(':', from)) >= 0)
        {
            int s = colon, e = colon + 1;
            while (s > 0 && IsIpv6Char(text[s - 1])) s--;
            while (e < text.Length && IsIpv6Char(text[e])) e++;
            from = e;
            while (e > colon + 1 && text[e - 1] == '.') e--;
            if (s > 0 && (char.IsLetterOrDigit(text[s - 1]) || text[s - 1] == '_')) continue;
            if (e < text.Length && (char.IsLetterOrDigit(text[e]) || text[e] == '_')) continue;
            var candidate = text.AsSpan(s, e - s);
            if (IsIpv6(candidate)) into.Add(new PiiMatch(s, e - s, PiiKind.IpAddress));
        }
    }

    private static bool IsIpv6Char(char c) => char.IsAsciiHexDigit(c) || c is ':' or '.';

    private static bool IsIpv6(ReadOnlySpan<char> s)
    {
        int colons = s.Count(':');
        if (colons < 2 || !IPAddress.TryParse(s, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6) return false;
        bool embeddedV4 = s.Contains('.');
        if (colons == 7 || (embeddedV4 && colons == 6 && !s.Contains("::", StringComparison.Ordinal))) return true;
        if (!s.Contains("::", StringComparison.Ordinal)) return false;
        int groups = 0;
        foreach (var range in s.Split(':'))
            if (range.End.Value > range.Start.Value) groups++;
        bool digit = false;
        foreach (char c in s) digit |= char.IsAsciiDigit(c);
        return groups >= 2 && digit;
    }

    private static void FindPhones(string text, List<PiiMatch> into)
    {
        foreach (var m in NorthAmericanPhone().EnumerateMatches(text))
            into.Add(new PiiMatch(m.Index, m.Length, PiiKind.Phone));
        foreach (var m in InternationalPhone().EnumerateMatches(text))
        {
            int digits = 0;
            foreach (char c in text.AsSpan(m.Index, m.Length)) if (char.IsAsciiDigit(c)) digits++;
            if (digits is >= 8 and <= 15) into.Add(new PiiMatch(m.Index, m.Length, PiiKind.Phone));
        }
    }
}
