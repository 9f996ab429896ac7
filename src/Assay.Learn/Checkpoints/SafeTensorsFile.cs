namespace Assay.Learn.Checkpoints;

/// <summary>The contents of a safetensors file: its tensors in file order and its __metadata__ strings.</summary>
public sealed class SafeTensorsFile
{
    internal SafeTensorsFile(string path, IReadOnlyList<SafeTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        Tensors = tensors;
        Metadata = metadata;
        _byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, SafeTensor> _byName;

    public string Path { get; }
    public IReadOnlyList<SafeTensor> Tensors { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public bool TryGet(string name, out SafeTensor tensor) => _byName.TryGetValue(name, out tensor!);

    public SafeTensor this[string name] => _byName.TryGetValue(name, out var t) ? t
        : throw new KeyNotFoundException($"{Path} has no tensor '{name}' (it has {Tensors.Count}: {string.Join(", ", Tensors.Take(5).Select(x => x.Name))}, ...).");
}
