using System.Collections.Concurrent;

namespace Assay.Curation.Steps;

/// <summary>
/// One loaded copy per process of an immutable, thread-safe model (fastText models, benchmark
/// n-gram indexes), shared by the tasks that run on a machine's workers: each task used to load its
/// own copy (lid.176: decode and ~0.3 CPU-s per task). Model files are keyed by full path, size and
/// write time, so a replaced file is reloaded.
/// </summary>
public static class SharedModels
{
    private static readonly ConcurrentDictionary<(Type, object), Lazy<object>> Loaded = new();

    public static T Get<T>(string path, Func<string, T> load) where T : class
    {
        var file = new FileInfo(path);
        if (!file.Exists) return load(path); // the loader's own error names the file
        return GetOrLoad(FileKey(file.FullName), () => load(file.FullName));
    }

    /// <summary>Identifies a file's current content cheaply: full path, size and last write time.</summary>
    public static string FileKey(string path)
    {
        var file = Assay.Core.IO.FileSize.Resolve(path); // a symlinked file is known by its target's size and time
        return $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}";
    }

    /// <summary>
    /// The one copy of <typeparamref name="T"/> for <paramref name="key"/> (any value-equal key: a string,
    /// tuple or record that names everything the loaded object depends on), loading it on first use.
    /// </summary>
    public static T GetOrLoad<T>(object key, Func<T> load) where T : class
    {
        // Lazy: tasks starting together load once; a failed load is not cached, so the error repeats where it belongs.
        var lazy = Loaded.GetOrAdd((typeof(T), key), _ => new Lazy<object>(load, LazyThreadSafetyMode.ExecutionAndPublication));
        try { return (T)lazy.Value; }
        catch
        {
            Loaded.TryRemove(KeyValuePair.Create((typeof(T), key), lazy));
            throw;
        }
    }
}
