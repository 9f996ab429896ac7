using System.Globalization;
using System.Text;

namespace Assay.Text.LanguageModel;

/// <summary>
/// Writes the ARPA back-off format (as KenLM's lmplz and SRILM do): <c>\data\</c> with
/// <c>ngram N=count</c> lines, then each <c>\N-grams:</c> section with
/// "log10prob TAB words TAB log10backoff" (no backoff on the highest order), then <c>\end\</c>.
/// Numbers use the shortest round-trip float text, so reading the file back gives the same model bit for bit.
/// </summary>
public static class ArpaWriter
{
    public static void Write(NgramModel model, string path)
    {
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var w = new StreamWriter(fs, new UTF8Encoding(false)))
            Write(model, w);
        File.Move(tmp, path, overwrite: true);
    }

    public static void Write(NgramModel model, TextWriter w)
    {
        w.NewLine = "\n";
        w.WriteLine();
        w.WriteLine("\\data\\");
        for (int n = 1; n <= model.Order; n++) w.WriteLine($"ngram {n}={model.Count(n)}");
        var sb = new StringBuilder();
        Span<int> words = stackalloc int[NgramKey.MaxOrder];
        for (int n = 1; n <= model.Order; n++)
        {
            w.WriteLine();
            w.WriteLine($"\\{n}-grams:");
            var keys = model.Table(n).Keys.ToArray();
            Array.Sort(keys);
            foreach (var k in keys)
            {
                var e = model.Table(n)[k];
                sb.Clear();
                sb.Append(e.Log10Prob.ToString(CultureInfo.InvariantCulture)).Append('\t');
                int len = k.CopyTo(words);
                for (int i = 0; i < len; i++)
                {
                    if (i > 0) sb.Append(' ');
                    sb.Append(model.Vocabulary[words[i]]);
                }
                if (n < model.Order) sb.Append('\t').Append(e.Log10Backoff.ToString(CultureInfo.InvariantCulture));
                w.WriteLine(sb);
            }
        }
        w.WriteLine();
        w.WriteLine("\\end\\");
    }
}
