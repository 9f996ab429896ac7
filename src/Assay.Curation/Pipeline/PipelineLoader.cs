using System.Globalization;
using Assay.Core.IO;
using Assay.Core.Records;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Reads a pipeline YAML into a <see cref="PipelineConfig"/>, validating everything that can be
/// checked without reading data: keys, types, step names and parameters (each step is constructed
/// once). Every error names the file, line and column.
/// </summary>
public static class PipelineLoader
{
    private static readonly string[] TopKeys = ["input", "steps", "output", "on_error", "seed", "tasks", "split_bytes", "checkpoint", "mix", "keep_stages"];
    // Keys that change no output: left out of the config hash, so flipping one does not make the output folder "another run".
    private static readonly string[] UnhashedKeys = ["keep_stages"];

    public static PipelineConfig Load(string path, StepRegistry? registry = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such pipeline file");
        return Parse(File.ReadAllText(path), Path.GetFullPath(path), registry);
    }

    public static PipelineConfig Parse(string yaml, string file, StepRegistry? registry = null)
    {
        registry ??= StepRegistry.Default;
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { throw PipelineConfigException.At(file, e.Start, "invalid YAML: " + e.Message); }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new PipelineConfigException($"{file}: a pipeline is one YAML mapping with keys {string.Join(", ", TopKeys)}");

        var keys = Keys(file, root, TopKeys, "pipeline");
        var inputs = ParseInputs(file, Required(file, root, keys, "input"));
        ulong seed = keys.TryGetValue("seed", out var seedNode) ? Scalar<ulong>(file, seedNode, "seed") : 0;
        var baseDirectory = Path.GetDirectoryName(file) ?? ".";
        var steps = keys.TryGetValue("steps", out var stepsNode) ? ParseSteps(file, stepsNode, registry, baseDirectory, seed) : [];
        var (output, compression) = ParseOutput(file, Required(file, root, keys, "output"));
        return new PipelineConfig
        {
            SourceFile = file,
            BaseDirectory = baseDirectory,
            ConfigHash = CanonicalYaml.Sha256(new YamlMappingNode(root.Children.Where(kv => !UnhashedKeys.Contains((kv.Key as YamlScalarNode)?.Value)))),
            Inputs = inputs,
            Steps = steps,
            OutputPath = output,
            Compression = compression,
            OnError = keys.TryGetValue("on_error", out var oe) ? Scalar<OnError>(file, oe, "on_error") : OnError.Fail,
            Seed = seed,
            Tasks = keys.TryGetValue("tasks", out var tasks) ? Positive(file, tasks, "tasks") : null,
            SplitBytes = keys.TryGetValue("split_bytes", out var sb) ? Size(file, sb, "split_bytes") : 128L << 20,
            Checkpoint = keys.TryGetValue("checkpoint", out var cp) ? ParseCheckpoint(file, cp) : new CheckpointSpec(),
            Mix = keys.TryGetValue("mix", out var mix) ? ParseMix(file, mix) : null,
            KeepStages = keys.TryGetValue("keep_stages", out var ks) && Scalar<bool>(file, ks, "keep_stages"),
        };
    }

    private static List<InputSpec> ParseInputs(string file, YamlNode node)
    {
        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        if (items.Count == 0) throw PipelineConfigException.At(file, node.Start, "input lists no dataset");
        var inputs = new List<InputSpec>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode s) { inputs.Add(new InputSpec(NonEmpty(file, s, "input"))); continue; }
            var keys = Keys(file, (YamlMappingNode)Mapping(file, item, "input entry"), ["path", "source", "license"], "input entry");
            var path = NonEmpty(file, Required(file, item, keys, "path"), "path");
            inputs.Add(new InputSpec(path,
                keys.TryGetValue("source", out var src) ? NonEmpty(file, src, "source") : null,
                keys.TryGetValue("license", out var lic) ? NonEmpty(file, lic, "license") : null));
        }
        return inputs;
    }

    private static List<StepSpec> ParseSteps(string file, YamlNode node, StepRegistry registry, string baseDirectory, ulong seed)
    {
        if (node is YamlScalarNode { Value: null or "" }) return [];
        if (node is not YamlSequenceNode seq) throw PipelineConfigException.At(file, node.Start, "steps must be a list of {type: NAME, ...parameters}");
        var steps = new List<StepSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            var map = (YamlMappingNode)Mapping(file, item, "step");
            YamlNode? typeNode = null, idNode = null;
            var parameters = new List<(YamlScalarNode, YamlNode)>();
            foreach (var (k, v) in map.Children)
            {
                var key = (YamlScalarNode)k;
                if (key.Value == "type") typeNode = v;
                else if (key.Value == "id") idNode = v;
                else parameters.Add((key, v));
            }
            if (typeNode is null) throw PipelineConfigException.At(file, item.Start, $"step has no 'type'; registered: {string.Join(", ", registry.Names)}");
            var type = NonEmpty(file, typeNode, "type");
            if (!registry.TryGet(type, out var reg))
                throw PipelineConfigException.At(file, typeNode.Start, $"unknown step type '{type}'; registered: {string.Join(", ", registry.Names)}");
            var id = idNode is null ? type : NonEmpty(file, idNode, "id");
            if (!ids.Add(id))
                throw PipelineConfigException.At(file, (idNode ?? typeNode).Start, $"step id '{id}' is used twice; give one of them a distinct 'id:'");
            var options = OptionsBinder.Bind(file, type, reg.OptionsType, parameters);
            var spec = new StepSpec(id, type, reg.StepType, options, (int)item.Start.Line);
            // Construct and initialize once now, so a bad value fails at load with its line, not in task 37 an hour later.
            try { spec.Create().Initialize(new Steps.StepContext(0, 1, baseDirectory, seed, id)); }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is ArgumentException or InvalidOperationException or FileNotFoundException)
            {
                throw PipelineConfigException.At(file, item.Start, $"step '{type}': {e.InnerException.Message}");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FileNotFoundException)
            {
                throw PipelineConfigException.At(file, item.Start, $"step '{type}': {e.Message}");
            }
            steps.Add(spec);
        }
        return steps;
    }

    private static (string Path, Compression Compression) ParseOutput(string file, YamlNode node)
    {
        if (node is YamlScalarNode s) return (NonEmpty(file, s, "output"), Compression.None);
        var keys = Keys(file, (YamlMappingNode)Mapping(file, node, "output"), ["path", "compression"], "output");
        var path = NonEmpty(file, Required(file, node, keys, "path"), "path");
        var compression = Compression.None;
        if (keys.TryGetValue("compression", out var c))
        {
            try { compression = ShardFormat.Parse(NonEmpty(file, c, "compression")); }
            catch (ArgumentException e) { throw PipelineConfigException.At(file, c.Start, e.Message); }
        }
        return (path, compression);
    }

    private static CheckpointSpec ParseCheckpoint(string file, YamlNode node)
    {
        var keys = Keys(file, (YamlMappingNode)Mapping(file, node, "checkpoint"), ["records", "bytes"], "checkpoint");
        var d = new CheckpointSpec();
        return new CheckpointSpec(
            keys.TryGetValue("records", out var r) ? Positive(file, r, "records") : d.Records,
            keys.TryGetValue("bytes", out var b) ? Size(file, b, "bytes") : d.Bytes);
    }

    private static MixSpec ParseMix(string file, YamlNode node)
    {
        var keys = Keys(file, (YamlMappingNode)Mapping(file, node, "mix"), ["weights", "total_tokens", "max_repeat", "tokenizer"], "mix");
        var wnode = (YamlMappingNode)Mapping(file, Required(file, node, keys, "weights"), "mix weights");
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (k, v) in wnode.Children)
        {
            double w = Scalar<double>(file, v, "weight");
            if (!(w >= 0)) throw PipelineConfigException.At(file, v.Start, "a mix weight is a number >= 0");
            weights[((YamlScalarNode)k).Value!] = w;
        }
        if (weights.Values.Sum() <= 0) throw PipelineConfigException.At(file, wnode.Start, "mix weights must not all be 0");
        var tokenizer = keys.TryGetValue("tokenizer", out var t) ? NonEmpty(file, t, "tokenizer") : "whitespace";
        if (tokenizer != "whitespace") throw PipelineConfigException.At(file, t!.Start, $"unknown tokenizer '{tokenizer}'; available: whitespace");
        double maxRepeat = keys.TryGetValue("max_repeat", out var mr) ? Scalar<double>(file, mr, "max_repeat") : 4.0;
        if (!(maxRepeat >= 1)) throw PipelineConfigException.At(file, mr!.Start, "max_repeat must be >= 1");
        return new MixSpec(weights,
            keys.TryGetValue("total_tokens", out var tt) ? Size(file, tt, "total_tokens") : null,
            maxRepeat, tokenizer);
    }

    private static Dictionary<string, YamlNode> Keys(string file, YamlMappingNode map, string[] allowed, string what)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
                throw PipelineConfigException.At(file, k.Start, $"unknown key '{name}' in {what}; valid: {string.Join(", ", allowed)}");
            if (!keys.TryAdd(name, v)) throw PipelineConfigException.At(file, k.Start, $"key '{name}' appears twice in {what}");
        }
        return keys;
    }

    private static YamlNode Required(string file, YamlNode parent, Dictionary<string, YamlNode> keys, string key) =>
        keys.TryGetValue(key, out var n) ? n : throw PipelineConfigException.At(file, parent.Start, $"missing required key '{key}'");

    private static YamlNode Mapping(string file, YamlNode node, string what) =>
        node as YamlMappingNode ?? throw PipelineConfigException.At(file, node.Start, $"{what} must be a mapping (key: value lines)");

    private static string NonEmpty(string file, YamlNode node, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw PipelineConfigException.At(file, node.Start, $"{what} must be a non-empty string");

    private static T Scalar<T>(string file, YamlNode node, string what)
    {
        try { return (T)OptionsBinder.Convert(node, typeof(T))!; }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException or NullReferenceException)
        {
            throw PipelineConfigException.At(file, node.Start, $"{what}: {e.Message}");
        }
    }

    private static int Positive(string file, YamlNode node, string what)
    {
        int v = Scalar<int>(file, node, what);
        return v > 0 ? v : throw PipelineConfigException.At(file, node.Start, $"{what} must be > 0");
    }

    /// <summary>A byte or token count: plain integer, or with a suffix K/M/G/T (powers of 1024 for bytes-like KB/MB/KiB...).</summary>
    private static long Size(string file, YamlNode node, string what)
    {
        var s = (node as YamlScalarNode)?.Value?.Trim() ?? "";
        if (SizeParser.TryParse(s, out long v) && v > 0) return v;
        throw PipelineConfigException.At(file, node.Start, $"{what}: '{s}' is not a positive size (e.g. 64MB, 1G, 500000)");
    }
}
