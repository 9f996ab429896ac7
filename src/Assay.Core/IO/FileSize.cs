namespace Assay.Core.IO;

/// <summary>
/// Sizes and timestamps of files through symbolic links. <see cref="FileInfo.Length"/> of a link is the
/// link's own size (a few dozen bytes) on Unix, so a symlinked shard would be planned as nearly empty:
/// never split into byte ranges, its bytes and progress counted wrong.
/// </summary>
public static class FileSize
{
    /// <summary>The file itself, or the final target when <paramref name="path"/> is a symbolic link.</summary>
    public static FileInfo Resolve(string path)
    {
        var file = new FileInfo(path);
        if (file.LinkTarget is null) return file;
        return file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo
            ?? throw new FileNotFoundException($"{path} is a link to a folder, not a file", path);
    }

    /// <summary>Bytes of the file, following symbolic links; a broken link throws <see cref="FileNotFoundException"/>.</summary>
    public static long Of(string path) => Resolve(path).Length;
}
