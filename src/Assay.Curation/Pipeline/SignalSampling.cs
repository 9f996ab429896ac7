using Assay.Core.Hashing;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Which records feed the report's signal distributions: those whose id hashes below a threshold set
/// from the input's size, about <see cref="TargetRecords"/> records a run. A hash of the id rather than
/// the first records of each chunk, so the sample is spread over the whole input (a corpus that is one
/// source after another included) and is the same records for any split into tasks, chunks or workers.
/// </summary>
internal static class SignalSampling
{
    private const double TargetRecords = 4000;          // enough for the report's 40-bin histograms
    private const double AssumedBytesPerRecord = 512;   // the rate is fixed before the run, from bytes
    private const ulong Seed = 0x5349474E414C53;        // "SIGNALS": independent of the other id hashes

    public static ulong Threshold(long inputBytes)
    {
        double rate = TargetRecords * AssumedBytesPerRecord / Math.Max(1, inputBytes);
        return rate >= 1 ? ulong.MaxValue : (ulong)(rate * ulong.MaxValue);
    }

    public static bool Sampled(string id, ulong threshold) =>
        threshold == ulong.MaxValue || XxHash64.HashString(id, Seed) < threshold;
}
