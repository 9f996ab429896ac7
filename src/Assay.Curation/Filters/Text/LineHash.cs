using System.Runtime.InteropServices;
using Assay.Core.Hashing;

namespace Assay.Curation.Filters.Text;

/// <summary>64-bit identity of a line or paragraph for duplicate counting (xxHash64 of its UTF-16 bytes, length mixed in).</summary>
internal static class LineHash
{
    public static ulong Of(ReadOnlySpan<char> s) =>
        XxHash64.Hash(MemoryMarshal.AsBytes(s), (ulong)s.Length);
}
