using System.Globalization;
using System.Text;

namespace Assay.Text.Tests.Bpe;

/// <summary>Runs bench/bpe/oracle.mjs (js-tiktoken under node) on a batch of strings.</summary>
internal static class JsOracle
{
    /// <summary>The ids js-tiktoken gives each text; special tokens allowed where <paramref name="allowSpecial"/> says so.</summary>
    public static int[][] Encode(string encoding, IReadOnlyList<string> texts, Func<int, bool>? allowSpecial = null)
    {
        var modules = NpmCache.JsTiktokenModules();
        var work = Directory.CreateTempSubdirectory("assay-bpe-oracle-");
        try
        {
            var input = Path.Combine(work.FullName, "in.jsonl");
            var output = Path.Combine(work.FullName, "out.txt");
            WriteJsonl(input, texts, allowSpecial);
            NpmCache.Run("node", work.FullName, NpmCache.OracleScript(), "encode", modules, encoding, input, output);
            var lines = File.ReadAllLines(output);
            if (lines.Length != texts.Count)
                throw new InvalidDataException($"oracle wrote {lines.Length} lines for {texts.Count} texts");
            return lines.Select(ParseIds).ToArray();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Class bits per code point under node's Unicode tables (see oracle.mjs classes).</summary>
    public static byte[] CharClasses()
    {
        var work = Directory.CreateTempSubdirectory("assay-bpe-classes-");
        try
        {
            var output = Path.Combine(work.FullName, "classes.bin");
            NpmCache.Run("node", work.FullName, NpmCache.OracleScript(), "classes", output);
            return File.ReadAllBytes(output);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public static int[] ParseIds(string line) =>
        line.Length == 0 ? [] : line.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Writes {"t": …, "s": 0|1} per line, escaping every non-ASCII UTF-16 unit as \uXXXX so lone
    /// surrogates reach JS unchanged (a UTF-8 writer would have to replace them).
    /// </summary>
    public static void WriteJsonl(string path, IReadOnlyList<string> texts, Func<int, bool>? allowSpecial)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            sb.Append("{\"t\":");
            AppendJsonString(sb, texts[i]);
            sb.Append(",\"s\":").Append(allowSpecial?.Invoke(i) == true ? '1' : '0').Append("}\n");
        }
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    public static void AppendJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            if (c == '"') sb.Append("\\\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        sb.Append('"');
    }

    /// <summary>A readable, unambiguous rendering of a test string for failure messages.</summary>
    public static string Show(string s)
    {
        var sb = new StringBuilder();
        AppendJsonString(sb, s.Length > 300 ? s[..300] : s);
        return sb.ToString();
    }
}
