using System.Text;

namespace Assay.Text.Normalization;

/// <summary>
/// Managed Unicode normalization (UAX #15): full decomposition, canonical ordering, canonical
/// composition, Hangul done algorithmically. Needed because Assay runs with InvariantGlobalization,
/// where <see cref="string.Normalize()"/> leaves text unchanged. Tables: <see cref="UnicodeNormalizationData"/>.
/// Unpaired surrogates pass through as they are.
/// </summary>
internal static class UnicodeNormalization
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly Lazy<Tables> Data = new(Tables.Parse);

    /// <summary>Normalizes to NFC (compat=false) or NFKC (compat=true); returns the same instance when already normalized.</summary>
    public static string Normalize(string s, bool compat, bool compose = true)
    {
        // Below U+00A0 nothing changes in any form; below U+00C0 nothing has a canonical
        // decomposition; and below U+0300 every character is already composed (NFC).
        char limit = compat ? '\u00A0' : compose ? '\u0300' : '\u00C0';
        int i = 0;
        while (i < s.Length && s[i] < limit)
            i++;
        if (i == s.Length)
            return s;

        var t = Data.Value;
        var cps = new List<int>(s.Length + 8);
        for (int k = 0; k < s.Length; k++)
        {
            int cp = s[k];
            if (char.IsHighSurrogate(s[k]) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1]))
                cp = char.ConvertToUtf32(s[k], s[++k]);
            Decompose(cp, compat, t, cps);
        }
        Reorder(cps, t);
        if (compose)
            Compose(cps, t);

        var sb = new StringBuilder(cps.Count);
        foreach (int cp in cps)
        {
            if (cp < 0x10000)
                sb.Append((char)cp);
            else
                sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.Length == s.Length && sb.Equals(s.AsSpan()) ? s : sb.ToString();
    }

    private static void Decompose(int cp, bool compat, Tables t, List<int> output)
    {
        if (cp >= SBase && cp < SBase + SCount)
        {
            int si = cp - SBase;
            output.Add(LBase + si / NCount);
            output.Add(VBase + si % NCount / TCount);
            if (si % TCount != 0)
                output.Add(TBase + si % TCount);
            return;
        }
        if ((compat && t.Compatibility.TryGetValue(cp, out var d)) || t.Canonical.TryGetValue(cp, out d))
            output.AddRange(d);
        else
            output.Add(cp);
    }

    /// <summary>Canonical ordering: stable sort of every run of non-starters by combining class.</summary>
    private static void Reorder(List<int> cps, Tables t)
    {
        for (int i = 1; i < cps.Count; i++)
        {
            int cc = t.Ccc(cps[i]);
            if (cc == 0)
                continue;
            int j = i;
            while (j > 0 && t.Ccc(cps[j - 1]) > cc)
            {
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                j--;
            }
        }
    }

    /// <summary>Canonical composition: each character joins the last starter unless blocked by an equal-or-higher class in between.</summary>
    private static void Compose(List<int> cps, Tables t)
    {
        if (cps.Count < 2)
            return;
        int starter = t.Ccc(cps[0]) == 0 ? 0 : -1;
        int lastCc = starter == 0 ? 0 : 256;
        int write = 1;
        for (int read = 1; read < cps.Count; read++)
        {
            int cp = cps[read];
            int cc = t.Ccc(cp);
            bool blocked = starter < 0 || (write - 1 != starter && (lastCc == 0 || lastCc >= cc));
            if (!blocked && TryCompose(cps[starter], cp, t, out int composite))
            {
                cps[starter] = composite;
                continue;
            }
            if (cc == 0)
            {
                starter = write;
                lastCc = 0;
            }
            else
            {
                lastCc = cc;
            }
            cps[write++] = cp;
        }
        cps.RemoveRange(write, cps.Count - write);
    }

    private static bool TryCompose(int a, int b, Tables t, out int composite)
    {
        if (a >= LBase && a < LBase + LCount && b >= VBase && b < VBase + VCount)
        {
            composite = SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
            return true;
        }
        if (a >= SBase && a < SBase + SCount && (a - SBase) % TCount == 0 && b > TBase && b < TBase + TCount)
        {
            composite = a + (b - TBase);
            return true;
        }
        return t.Compositions.TryGetValue(((long)a << 21) | (uint)b, out composite);
    }

    private sealed class Tables
    {
        private readonly byte[] _ccc = new byte[0x110000];

        public Dictionary<int, int[]> Canonical { get; } = new();
        public Dictionary<int, int[]> Compatibility { get; } = new();
        public Dictionary<long, int> Compositions { get; } = new();

        public int Ccc(int cp) => (uint)cp < (uint)_ccc.Length ? _ccc[cp] : 0;

        public static Tables Parse()
        {
            var t = new Tables();
            foreach (var (key, value) in Entries(UnicodeNormalizationData.CombiningClasses))
            {
                var range = key.Split('-');
                int from = Hex(range[0]), to = Hex(range[1]);
                byte cc = byte.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                for (int cp = from; cp <= to; cp++)
                    t._ccc[cp] = cc;
            }
            foreach (var (key, value) in Entries(UnicodeNormalizationData.Canonical))
                t.Canonical[Hex(key)] = value.Split(' ').Select(Hex).ToArray();
            foreach (var (key, value) in Entries(UnicodeNormalizationData.Compatibility))
                t.Compatibility[Hex(key)] = value.Split(' ').Select(Hex).ToArray();
            foreach (var (key, value) in Entries(UnicodeNormalizationData.Compositions))
            {
                var pair = key.Split(' ');
                t.Compositions[((long)Hex(pair[0]) << 21) | (uint)Hex(pair[1])] = Hex(value);
            }
            return t;
        }

        private static IEnumerable<(string Key, string Value)> Entries(string data) =>
            data.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e =>
            {
                int eq = e.IndexOf('=');
                return (e[..eq], e[(eq + 1)..]);
            });

        private static int Hex(string s) => int.Parse(s, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    }
}
