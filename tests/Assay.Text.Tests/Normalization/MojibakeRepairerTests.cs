using System.Text;
using Assay.Text.Normalization;

namespace Assay.Text.Tests.Normalization;

public sealed class MojibakeRepairerTests
{
    private static readonly Encoding Cp1252 = CodePagesLatin1Fallback();

    private static string Fix(string s, out int changed) => new MojibakeRepairer().Apply(s, out changed);

    [Theory]
    [InlineData("cafÃ©", "café")]
    [InlineData("Itâ€™s â€œquotedâ€\u009D â€” done", "It’s “quoted” — done")]
    [InlineData("SchÃ¶ne GrÃ¼ÃŸe aus KÃ¶ln", "Schöne Grüße aus Köln")]
    [InlineData("Ã¡rbol, niÃ±o, acciÃ³n", "árbol, niño, acción")]
    [InlineData("â‚¬100 Â£50", "€100 £50")]
    [InlineData("ðŸ˜€ emoji", "😀 emoji")]
    [InlineData("æ—¥æœ¬èªž", "日本語")]
    public void Repairs_utf8_read_as_windows_1252(string broken, string expected)
    {
        Assert.Equal(expected, Fix(broken, out int changed));
        Assert.True(changed >= 2);
    }

    [Fact]
    public void Repairs_every_bmp_string_garbled_the_usual_way()
    {
        // Garble with the real decoders: UTF-8 bytes read as windows-1252 (undefined bytes as latin-1).
        string[] samples = ["Ελληνικά", "Русский текст", "Türkçe ğüşıöç", "Čeština ěščřžýáíé", "Tiếng Việt", "עברית", "हिन्दी", "中文字符"];
        foreach (var s in samples)
        {
            string broken = Cp1252.GetString(Encoding.UTF8.GetBytes(s));
            Assert.NotEqual(s, broken);
            Assert.Equal(s, Fix(broken, out int changed));
            Assert.Equal(broken.Length - s.Where(c => c < 0x80).Count(), changed);
        }
    }

    [Fact]
    public void Repairs_double_garbling()
    {
        string once = Cp1252.GetString(Encoding.UTF8.GetBytes("naïve café"));
        string twice = Cp1252.GetString(Encoding.UTF8.GetBytes(once));
        Assert.Equal("naïve café", Fix(twice, out _));
    }

    [Theory]
    [InlineData("café naïve résumé")]
    [InlineData("Grüße, Ørsted, façade, Ångström")]
    [InlineData("“Smart quotes” and — dashes")]
    [InlineData("Plain ASCII text.")]
    [InlineData("日本語のテキスト")]
    [InlineData("© 2024 ® ™ ± ½")]
    public void Leaves_correct_text_alone(string text)
    {
        Assert.Same(text, Fix(text, out int changed));
        Assert.Equal(0, changed);
    }

    /// <summary>windows-1252 decoding without the code-pages provider: latin-1 plus the 27 mapped bytes.</summary>
    private static Encoding CodePagesLatin1Fallback() => new Cp1252Decoder();

    private sealed class Cp1252Decoder : Encoding
    {
        private const string High = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
                                  + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

        public override int GetByteCount(char[] chars, int index, int count) => throw new NotSupportedException();
        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw new NotSupportedException();
        public override int GetCharCount(byte[] bytes, int index, int count) => count;
        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            for (int i = 0; i < byteCount; i++)
            {
                byte b = bytes[byteIndex + i];
                chars[charIndex + i] = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
            }
            return byteCount;
        }
        public override int GetMaxByteCount(int charCount) => charCount;
        public override int GetMaxCharCount(int byteCount) => byteCount;
    }
}
