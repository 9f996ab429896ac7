using System.Text;
using Assay.Core.Hashing;
using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class XxHash64Tests
{
    // Reference vectors from the xxHash project / python-xxhash README.
    [Theory]
    [InlineData("", 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0UL, 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0UL, 0x44BC2CF5AD770999UL)]
    [InlineData("Nobody inspects the spammish repetition", 0UL, 0xFBCEA83C8A378BF1UL)]
    [InlineData("xxhash", 20141025UL, 0xB559B98D844E0635UL)]
    public void MatchesReferenceVectors(string input, ulong seed, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(Encoding.UTF8.GetBytes(input), seed));
    }

    [Fact]
    public void HashUInt64MatchesSpanHash()
    {
        var rng = new Random(1);
        for (int i = 0; i < 100; i++)
        {
            ulong v = (ulong)rng.NextInt64(), seed = (ulong)rng.NextInt64();
            Assert.Equal(XxHash64.Hash(BitConverter.GetBytes(v), seed), XxHash64.HashUInt64(v, seed));
        }
    }
}
