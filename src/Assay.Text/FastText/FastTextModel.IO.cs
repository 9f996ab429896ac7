namespace Assay.Text.FastText;

public sealed partial class FastTextModel
{
    /// <summary>fastText's <c>FASTTEXT_FILEFORMAT_MAGIC_INT32</c>.</summary>
    internal const int Magic = 793712314;

    /// <summary>fastText's <c>FASTTEXT_VERSION</c>; version 11 files are still read.</summary>
    internal const int Version = 12;

    public static FastTextModel Load(string path) => Load(File.ReadAllBytes(path), path);

    public static FastTextModel Load(ReadOnlySpan<byte> data, string sourceName)
    {
        var r = new FastTextReader(data, sourceName);
        int magic = r.ReadInt32();
        int version = r.ReadInt32();
        if (magic != Magic)
            r.Fail($"magic {magic}, expected {Magic}");
        if (version > Version)
            r.Fail($"version {version} is newer than {Version}");
        var args = FastTextArgs.Read(ref r);
        if (args.Dim <= 0 || args.Bucket < 0)
            r.Fail($"dim={args.Dim} bucket={args.Bucket}");
        // fastText: "backward compatibility: old supervised models do not use char ngrams".
        if (version == 11 && args.Model == FastTextModelKind.Supervised)
            args = args with { Maxn = 0 };
        var dict = FastTextDictionary.Read(ref r, args);

        bool quantInput = r.ReadBool();
        IFastTextMatrix input = quantInput ? QuantMatrix.Read(ref r) : DenseMatrix.Read(ref r);
        if (!quantInput && dict.IsPruned)
            r.Fail("the dictionary is pruned but the input matrix is not quantized");
        bool qout = r.ReadBool();
        IFastTextMatrix output = quantInput && qout ? QuantMatrix.Read(ref r) : DenseMatrix.Read(ref r);
        if (!r.AtEnd)
            r.Fail($"{data.Length - r.Position} unexpected bytes after the output matrix");

        if (input.Cols != args.Dim || output.Cols != args.Dim)
            r.Fail($"matrices are {input.Rows}x{input.Cols} and {output.Rows}x{output.Cols} but dim is {args.Dim}");
        if (input.Rows < dict.NWords)
            r.Fail($"input matrix has {input.Rows} rows for {dict.NWords} words");
        if (args.Model == FastTextModelKind.Supervised && output.Rows != dict.NLabels)
            r.Fail($"output matrix has {output.Rows} rows for {dict.NLabels} labels");
        return new FastTextModel(args, dict, input, output);
    }

    /// <summary>Writes the model in fastText's own format (loadable by the fastText CLI and <see cref="Load(string)"/>).</summary>
    public void Save(string path)
    {
        string tmp = path + ".tmp";
        using (var fs = File.Create(tmp))
        using (var w = new BinaryWriter(fs))
        {
            w.Write(Magic);
            w.Write(Version);
            Args.Write(w);
            Dictionary.Write(w);
            w.Write(_input.IsQuantized);
            _input.Write(w);
            w.Write(_output.IsQuantized);
            _output.Write(w);
        }
        File.Move(tmp, path, overwrite: true);
    }
}
