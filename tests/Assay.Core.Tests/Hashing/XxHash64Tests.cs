using System.Runtime.InteropServices;
using System.Text;
using Assay.Core.Hashing;

namespace Assay.Core.Tests.Hashing;

public sealed partial class XxHash64Tests
{
    // Reference vectors of the xxHash spec / reference implementation.
    [Theory]
    [InlineData("", 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0UL, 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0UL, 0x44BC2CF5AD770999UL)]
    public void MatchesReferenceVectors(string input, ulong seed, ulong expected) =>
        Assert.Equal(expected, XxHash64.Hash(Encoding.UTF8.GetBytes(input), seed));

    [LibraryImport("libxxhash.so.0", EntryPoint = "XXH64")]
    private static unsafe partial ulong NativeXxh64(byte* input, nuint length, ulong seed);

    /// <summary>Every length 0..300 (all tail paths) and random seeds against the system's libxxhash.</summary>
    [Fact]
    public unsafe void MatchesLibxxhashForEveryLengthAndSeed()
    {
        var rng = new Random(42);
        var data = new byte[300];
        rng.NextBytes(data);
        for (int len = 0; len <= data.Length; len++)
        {
            ulong seed = (ulong)rng.NextInt64();
            fixed (byte* p = data)
                Assert.Equal(NativeXxh64(p, (nuint)len, seed), XxHash64.Hash(data.AsSpan(0, len), seed));
        }
    }

    [Fact]
    public void HashUInt64EqualsHashOfLittleEndianBytes()
    {
        foreach (ulong v in new[] { 0UL, 1UL, ulong.MaxValue, 0x0123456789ABCDEFUL })
            Assert.Equal(XxHash64.Hash(BitConverter.GetBytes(v), 7), XxHash64.HashUInt64(v, 7));
    }

    [Fact]
    public void HashStringEqualsHashOfUtf8()
    {
        foreach (var s in new[] { "", "héllo", new string('x', 1000), "日本語 🎉" })
            Assert.Equal(XxHash64.Hash(Encoding.UTF8.GetBytes(s)), XxHash64.HashString(s));
    }
}
