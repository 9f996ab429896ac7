using Assay.Core.Hashing;
using Assay.Curation.Dedup;

namespace Assay.Curation.Tests.Dedup;

public sealed class MinHasherTests
{
    [Theory]
    [InlineData(128)]
    [InlineData(256)]
    [InlineData(8)]
    [InlineData(40)]
    public void VectorPathsMatchScalarForEveryLength(int numPerm)
    {
        var hasher = new MinHasher(numPerm, 7);
        var rng = new Random(numPerm);
        for (int len = 0; len <= 40; len++)
        {
            var hashes = new ulong[len];
            for (int i = 0; i < len; i++)
                hashes[i] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
            var expected = new ulong[numPerm];
            hasher.ComputeScalar(hashes, expected);
            var v512 = new ulong[numPerm];
            hasher.ComputeVector512(hashes, v512);
            var v256 = new ulong[numPerm];
            hasher.ComputeVector256(hashes, v256);
            var dispatch = new ulong[numPerm];
            hasher.Compute(hashes, dispatch);
            Assert.Equal(expected, v512);
            Assert.Equal(expected, v256);
            Assert.Equal(expected, dispatch);
        }
    }

    [Fact]
    public void SameSeedSameSignatureDifferentSeedDifferent()
    {
        ulong[] hashes = [1, 2, 3, 99999];
        var s1 = new ulong[128];
        var s2 = new ulong[128];
        var s3 = new ulong[128];
        new MinHasher(128, 42).Compute(hashes, s1);
        new MinHasher(128, 42).Compute(hashes, s2);
        new MinHasher(128, 43).Compute(hashes, s3);
        Assert.Equal(s1, s2);
        Assert.NotEqual(s1, s3);
    }

    [Fact]
    public void AgreementEstimatesJaccard()
    {
        // Two sets with |A∩B| = 600, |A∪B| = 1000 → J = 0.6; 256 perms give stdev ≈ 0.03.
        var a = Enumerable.Range(0, 800).Select(i => XxHash64.HashUInt64((ulong)i)).ToArray();
        var b = Enumerable.Range(200, 800).Select(i => XxHash64.HashUInt64((ulong)i)).ToArray();
        var hasher = new MinHasher(256, 42);
        var sa = new ulong[256];
        var sb = new ulong[256];
        hasher.Compute(a, sa);
        hasher.Compute(b, sb);
        double agree = sa.Zip(sb).Count(p => p.First == p.Second) / 256.0;
        Assert.InRange(agree, 0.6 - 0.12, 0.6 + 0.12);
    }

    [Fact]
    public void RejectsNumPermNotMultipleOfEight() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHasher(100, 1));
}
