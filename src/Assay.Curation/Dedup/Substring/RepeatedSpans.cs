namespace Assay.Curation.Dedup;

/// <summary>
/// The core of exact-substring dedup (Lee et al. 2022, "Deduplicating Training Data Makes
/// Language Models Better"): position p is removed when some substring of length ≥ k that covers
/// p also occurs starting at an earlier position. Equivalently, for every start s with longest
/// previous factor L(s) ≥ k, [s, s + L(s)) is removed; the earliest occurrence of every repeat is
/// therefore kept. Documents are joined with a unique separator symbol each, so no repeat can
/// span a document boundary.
/// </summary>
internal static class RepeatedSpans
{
    /// <summary>Ranges [start, end) of <paramref name="text"/> to remove, ascending and disjoint.</summary>
    public static List<(int Start, int End)> Find(int[] text, int upper, int minLength)
    {
        var sa = SuffixArray.Build(text, upper);
        var lcp = LcpArray.Build<int>(text, sa);
        var lpf = LongestPreviousFactor.Build(sa, lcp);
        return Sweep(lpf, minLength);
    }

    internal static List<(int Start, int End)> Sweep(int[] lpf, int minLength)
    {
        var ranges = new List<(int, int)>();
        int start = -1, reach = 0;
        for (int s = 0; s < lpf.Length; s++)
        {
            if (start >= 0 && s >= reach)
            {
                ranges.Add((start, reach));
                start = -1;
            }
            if (lpf[s] >= minLength && s + lpf[s] > reach)
            {
                if (start < 0)
                    start = s;
                reach = s + lpf[s];
            }
        }
        if (start >= 0)
            ranges.Add((start, reach));
        return ranges;
    }

    /// <summary>Reference: O(n³) direct search of the longest earlier match for every start.</summary>
    public static bool[] FindNaive(int[] text, int minLength)
    {
        int n = text.Length;
        var removed = new bool[n];
        for (int s = 0; s < n; s++)
        {
            int best = 0;
            for (int t = 0; t < s; t++)
            {
                int h = 0;
                while (s + h < n && text[t + h] == text[s + h])
                    h++;
                best = Math.Max(best, h);
            }
            if (best >= minLength)
            {
                for (int p = s; p < s + best; p++)
                    removed[p] = true;
            }
        }
        return removed;
    }
}
