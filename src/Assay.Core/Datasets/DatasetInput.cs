using System.IO.Enumeration;
using Assay.Core.IO;

namespace Assay.Core.Datasets;

/// <summary>
/// What a DATASET argument names: a dataset folder (with dataset.json), a folder of shards, one
/// shard file, or a glob. Shards come back in ordinal path order, so every run sees the same order.
/// </summary>
public sealed record DatasetInput(string Spec, IReadOnlyList<string> Shards, DatasetManifest? Manifest, string? Folder)
{
    public const string Expected = "a dataset folder, a folder of .jsonl/.jsonl.gz/.jsonl.zst shards, a shard file, a glob such as 'data/*.jsonl.gz', or pack:NAME";

    /// <summary><c>pack:NAME</c> names a data pack; it is pulled into the cache on first use.</summary>
    public const string PackPrefix = "pack:";

    public static DatasetInput Resolve(string spec)
    {
        if (spec.StartsWith(PackPrefix, StringComparison.Ordinal))
        {
            var pulled = Packs.PackPuller.Pull(spec[PackPrefix.Length..]);
            if (pulled.Records is null) throw new ArgumentException($"{spec} is an asset pack (raw files), not a dataset");
            return Resolve(pulled.Path) with { Spec = spec };
        }
        if (Directory.Exists(spec))
        {
            if (File.Exists(Path.Combine(spec, DatasetManifest.FileName)))
            {
                var m = DatasetManifest.Load(spec);
                var shards = m.Shards.Select(s => Path.Combine(spec, s.Path)).ToList();
                foreach (var s in shards)
                    if (!File.Exists(s)) throw new FileNotFoundException($"{spec}: dataset.json lists shard '{Path.GetFileName(s)}' but the file is missing");
                return new DatasetInput(spec, shards, m, spec);
            }
            var found = Directory.EnumerateFiles(spec).Where(ShardFormat.IsShard).Order(StringComparer.Ordinal).ToList();
            if (found.Count == 0) throw new FileNotFoundException($"{spec}: folder holds no dataset.json and no shards; expected {Expected}");
            return new DatasetInput(spec, found, null, spec);
        }
        if (File.Exists(spec))
        {
            if (!ShardFormat.IsShard(spec)) throw new ArgumentException($"{spec}: not a shard (expected .jsonl, .jsonl.gz or .jsonl.zst)");
            return new DatasetInput(spec, [spec], null, null);
        }
        if (spec.IndexOfAny(['*', '?', '[']) >= 0)
        {
            var matches = Glob(spec).Where(ShardFormat.IsShard).Order(StringComparer.Ordinal).ToList();
            if (matches.Count == 0) throw new FileNotFoundException($"'{spec}' matches no shard files; expected {Expected}");
            return new DatasetInput(spec, matches, null, null);
        }
        throw new FileNotFoundException($"no dataset at '{spec}': expected {Expected}");
    }

    /// <summary>Glob with '*', '?' in file names and '**' for any depth of folders.</summary>
    public static IEnumerable<string> Glob(string pattern)
    {
        var parts = pattern.Replace('\\', '/').Split('/');
        int firstWild = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?', '[']) >= 0);
        var root = string.Join('/', parts[..firstWild]);
        if (root.Length == 0) root = pattern.StartsWith('/') ? "/" : ".";
        if (!Directory.Exists(root)) return [];
        var rest = parts[firstWild..];
        bool recursive = rest.Contains("**");
        var filePattern = rest[^1];
        var dirParts = rest[..^1].Where(p => p != "**").ToArray();
        return Directory.EnumerateFiles(root, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f =>
            {
                if (!FileSystemName.MatchesSimpleExpression(filePattern, Path.GetFileName(f))) return false;
                if (recursive) return true;
                var rel = Path.GetRelativePath(root, Path.GetDirectoryName(f)!).Replace('\\', '/');
                var relParts = rel == "." ? [] : rel.Split('/');
                return relParts.Length == dirParts.Length && relParts.Zip(dirParts).All(z => FileSystemName.MatchesSimpleExpression(z.Second, z.First));
            });
    }

    /// <summary>A checksum for lineage: the manifest's shard hashes, or file sizes+names when there is no manifest.</summary>
    public string Checksum()
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        if (Manifest is not null)
            foreach (var s in Manifest.Shards) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(s.Path + ":" + s.Sha256 + "\n"));
        else
            foreach (var s in Shards) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(s) + ":" + FileSize.Of(s) + "\n"));
        return "sha256:" + Convert.ToHexStringLower(sha.GetCurrentHash());
    }
}
