using System.Text.Json;
using Assay.Core.Progress;
using Assay.Core.Records;

namespace Assay.Text.LanguageModel;

/// <summary>
/// Scores every record's text and writes one JSON line per record:
/// <c>{"id","ppl","log10prob","tokens","oov"}</c> (tokens = words + one &lt;/s&gt;; see <see cref="NgramScore"/>).
/// The file appears complete or not at all (written beside, then renamed).
/// </summary>
public static class NgramDatasetScorer
{
    public static NgramCorpusScore Score(NgramModel model, IEnumerable<Record> records, string outputPath, IProgress<ProgressInfo>? progress = null, CancellationToken ct = default, long? expected = null)
    {
        var full = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        long docs = 0, tokens = 0, oov = 0;
        double total = 0;
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var w = new Utf8JsonWriter(fs, new JsonWriterOptions { SkipValidation = true }))
            {
                foreach (var r in records)
                {
                    ct.ThrowIfCancellationRequested();
                    var s = model.ScoreText(r.Text);
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    w.WriteNumber("ppl", Math.Round(s.Perplexity, 4));
                    w.WriteNumber("log10prob", Math.Round(s.Log10Prob, 6));
                    w.WriteNumber("tokens", s.Tokens);
                    w.WriteNumber("oov", s.Oov);
                    w.WriteEndObject();
                    w.Flush();
                    w.Reset(); // each line is its own JSON value: no separator between them
                    fs.WriteByte((byte)'\n');
                    docs++; tokens += s.Tokens; oov += s.Oov; total += s.Log10Prob;
                    if (docs % 500 == 0) progress?.Report(new ProgressInfo("score", docs, expected));
                }
            }
            progress?.Report(new ProgressInfo("score", docs, expected));
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
        return new NgramCorpusScore(docs, tokens, oov, total);
    }
}
