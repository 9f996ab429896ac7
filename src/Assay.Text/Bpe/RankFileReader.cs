using System.Text;
using System.Text.Json;

namespace Assay.Text.Bpe;

/// <summary>
/// Reads the two rank-file formats:
/// <list type="bullet">
/// <item>js-tiktoken's <c>dist/ranks/NAME.js</c>: <c>export default {"pat_str": …, "special_tokens": {…}, "bpe_ranks": "…"}</c>,
/// where <c>bpe_ranks</c> is lines of <c>! OFFSET B64 B64 …</c> and the k-th base64 token of a line has rank OFFSET + k
/// (the first field is ignored, as js-tiktoken does).</item>
/// <item>tiktoken's <c>.tiktoken</c>: lines of <c>B64 RANK</c>, with a JSON sidecar (<c>NAME.json</c> beside it)
/// holding <c>pat_str</c> and <c>special_tokens</c>; what <see cref="BpeTrainer"/> writes.</item>
/// </list>
/// </summary>
internal static class RankFileReader
{
    public static RankFile ReadJs(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var open = text.IndexOf('{');
        var close = text.LastIndexOf('}');
        if (open < 0 || close < open)
            throw new InvalidDataException($"{path}: no object literal; expected js-tiktoken's 'export default {{…}}' rank module.");
        using var doc = JsonDocument.Parse(text.AsMemory(open, close - open + 1));
        var root = doc.RootElement;
        var pattern = Required(root, "pat_str", path).GetString()!;
        var specials = ReadSpecials(Required(root, "special_tokens", path));
        var ranks = new List<(byte[], int)>();
        var compressed = Required(root, "bpe_ranks", path).GetString()!;
        foreach (var line in compressed.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length < 2 || !int.TryParse(fields[1], out var offset))
                throw new InvalidDataException($"{path}: bpe_ranks line without an offset: '{Shorten(line)}'.");
            for (var k = 2; k < fields.Length; k++)
                ranks.Add((Convert.FromBase64String(fields[k]), offset + k - 2));
        }
        return new RankFile(Path.GetFileNameWithoutExtension(path), pattern, ranks, specials);
    }

    public static RankFile ReadTiktoken(string path)
    {
        var sidecar = Path.ChangeExtension(path, ".json");
        if (!File.Exists(sidecar))
            throw new FileNotFoundException($"{path}: missing sidecar {sidecar} with pat_str and special_tokens.", sidecar);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(sidecar));
        var pattern = Required(doc.RootElement, "pat_str", sidecar).GetString()!;
        var specials = doc.RootElement.TryGetProperty("special_tokens", out var sp)
            ? ReadSpecials(sp)
            : new Dictionary<string, int>();
        var ranks = new List<(byte[], int)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNo++;
            if (line.Length == 0) continue;
            var space = line.IndexOf(' ');
            if (space <= 0 || !int.TryParse(line.AsSpan(space + 1), out var rank))
                throw new InvalidDataException($"{path}:{lineNo}: expected 'BASE64 RANK'.");
            ranks.Add((Convert.FromBase64String(line[..space]), rank));
        }
        return new RankFile(Path.GetFileNameWithoutExtension(path), pattern, ranks, specials);
    }

    private static Dictionary<string, int> ReadSpecials(JsonElement e)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject()) d[p.Name] = p.Value.GetInt32();
        return d;
    }

    private static JsonElement Required(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var v)
            ? v
            : throw new InvalidDataException($"{path}: missing \"{name}\".");

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
