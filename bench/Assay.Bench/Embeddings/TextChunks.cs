using Assay.Core.Datasets;
using Assay.Core.Packs;

namespace Assay.Bench.Embeddings;

/// <summary>Real text for benchmarks: cached packs' records cut into ~N-character chunks at whitespace.</summary>
internal static class TextChunks
{
    public static List<string> FromPacks(IEnumerable<string> packs, int chunkChars)
    {
        var chunks = new List<string>();
        foreach (var name in packs)
        {
            var pack = PackCatalog.Get(name);
            if (!PackCache.IsCached(pack)) throw new InvalidOperationException($"pack '{name}' is not cached; run ./assay data pull {name}");
            foreach (var r in DatasetReader.Read(PackCache.PathOf(pack)))
            {
                var t = r.Text.AsSpan();
                while (t.Length > 0)
                {
                    int end = Math.Min(chunkChars, t.Length);
                    if (end < t.Length)
                    {
                        int space = t[..end].LastIndexOfAny(' ', '\n');
                        if (space > chunkChars / 2) end = space;
                    }
                    var piece = t[..end].Trim();
                    if (piece.Length >= chunkChars / 2) chunks.Add(piece.ToString());
                    t = t[end..];
                }
            }
        }
        return chunks;
    }
}
