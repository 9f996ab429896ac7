using System.Globalization;

namespace Assay.Curation.Mixing;

/// <summary>Parses the command-line forms of a mix: <c>web=0.7,books=0.3</c> and <c>NAME=DATASET</c>.</summary>
public static class MixArguments
{
    public static IReadOnlyDictionary<string, double> Weights(string text)
    {
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !(w >= 0))
                throw new ArgumentException($"bad weight '{part}': expected NAME=NUMBER, e.g. web=0.7,books=0.3");
            weights[kv[0]] = w;
        }
        if (weights.Count == 0 || weights.Values.Sum() <= 0) throw new ArgumentException("give at least one positive weight, e.g. web=0.7,books=0.3");
        return weights;
    }

    /// <summary><c>NAME=DATASET</c> names the source; a bare DATASET keeps the records' sources. An existing path wins over the NAME= reading.</summary>
    public static MixInput Input(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || File.Exists(text) || Directory.Exists(text)) return new MixInput(text);
        return new MixInput(text[(eq + 1)..], text[..eq]);
    }
}
