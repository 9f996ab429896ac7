using System.Globalization;

namespace Assay.Text.LanguageModel;

/// <summary>
/// Reads an ARPA back-off LM (KenLM, SRILM, or <see cref="ArpaWriter"/>). Fields may be separated by
/// tabs or spaces; a missing backoff is 0. A file without &lt;unk&gt; gets it at log10 p = −100, as KenLM substitutes.
/// </summary>
public static class ArpaReader
{
    public static NgramModel Read(string path)
    {
        using var r = new StreamReader(path);
        try { return Read(r); }
        catch (FormatException e) { throw new InvalidDataException($"{path}: not a valid ARPA file: {e.Message}", e); }
    }

    public static NgramModel Read(TextReader r)
    {
        int lineNo = 0;
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Trim() == "\\data\\") break;
        }
        if (line is null) throw new FormatException("no \\data\\ header");
        var counts = new List<int>();
        while ((line = r.ReadLine()) is not null && ++lineNo > 0)
        {
            var t = line.Trim();
            if (t.Length == 0) { if (counts.Count > 0) break; continue; }
            if (!t.StartsWith("ngram ", StringComparison.Ordinal)) throw new FormatException($"line {lineNo}: expected 'ngram N=count', got '{t}'");
            var parts = t[6..].Split('=');
            int n = int.Parse(parts[0], CultureInfo.InvariantCulture);
            if (n != counts.Count + 1) throw new FormatException($"line {lineNo}: ngram orders must be 1, 2, … in order");
            counts.Add(int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        int order = counts.Count;
        if (order is 0 or > NgramKey.MaxOrder) throw new FormatException($"order {order} is not supported (1..{NgramKey.MaxOrder})");
        var vocab = new NgramVocabulary();
        var tables = new Dictionary<NgramKey, NgramEntry>[order];
        Span<int> ids = stackalloc int[NgramKey.MaxOrder];
        for (int n = 1; n <= order; n++)
        {
            while ((line = r.ReadLine()) is not null && ++lineNo > 0 && line.Trim().Length == 0) { }
            if (line?.Trim() != $"\\{n}-grams:") throw new FormatException($"line {lineNo}: expected \\{n}-grams:");
            var table = new Dictionary<NgramKey, NgramEntry>(counts[n - 1]);
            for (int i = 0; i < counts[n - 1]; i++)
            {
                line = r.ReadLine() ?? throw new FormatException($"{n}-grams section ends after {i} of {counts[n - 1]} entries");
                lineNo++;
                var f = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (f.Length != n + 1 && f.Length != n + 2) throw new FormatException($"line {lineNo}: expected log10prob, {n} word(s) and an optional backoff");
                float prob = float.Parse(f[0], CultureInfo.InvariantCulture);
                float bo = f.Length == n + 2 ? float.Parse(f[^1], CultureInfo.InvariantCulture) : 0f;
                for (int j = 0; j < n; j++)
                {
                    if (n == 1) ids[j] = vocab.Add(f[1 + j]);
                    else
                    {
                        int id = vocab.Find(f[1 + j]);
                        if (id == NgramVocabulary.Unk && f[1 + j] != NgramVocabulary.UnkWord)
                            throw new FormatException($"line {lineNo}: word '{f[1 + j]}' has no unigram");
                        ids[j] = id;
                    }
                }
                table[NgramKey.From(ids[..n])] = new NgramEntry(prob, bo);
            }
            tables[n - 1] = table;
        }
        tables[0].TryAdd(NgramKey.From([NgramVocabulary.Unk]), new NgramEntry(-100f, 0f));
        return new NgramModel(order, vocab, tables);
    }
}
