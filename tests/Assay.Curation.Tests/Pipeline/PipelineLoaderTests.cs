using Assay.Core.IO;
using Assay.Core.Records;
using Assay.Curation.Pipeline;
using Assay.Curation.Tests.Pipeline.TestSteps;

namespace Assay.Curation.Tests.Pipeline;

public sealed class PipelineLoaderTests
{
    private static PipelineConfig Parse(string yaml) => PipelineLoader.Parse(yaml, "/tmp/p.yaml", TestData.Registry);

    private static string Error(string yaml) => Assert.Throws<PipelineConfigException>(() => Parse(yaml)).Message;

    [Fact]
    public void Loads_inputs_steps_output_and_settings()
    {
        var c = Parse("""
            input:
              - data/web/*.jsonl.gz
              - path: data/books
                source: books
                license: cc0
            steps:
              - type: test_min_length_v1
                min_chars: 42
              - type: test_min_length_v1
                id: second
            output: {path: out, compression: zstd}
            on_error: quarantine
            seed: 9
            tasks: 4
            split_bytes: 1MB
            checkpoint: {records: 1000, bytes: 2MB}
            """);
        Assert.Equal(["data/web/*.jsonl.gz", "data/books"], c.Inputs.Select(i => i.Path));
        Assert.Equal(("books", "cc0"), (c.Inputs[1].Source, c.Inputs[1].License));
        Assert.Equal(["test_min_length_v1", "second"], c.Steps.Select(s => s.Id));
        Assert.Equal(42, ((MinLengthOptions)c.Steps[0].Options).MinChars);
        Assert.Equal(10, ((MinLengthOptions)c.Steps[1].Options).MinChars); // default kept
        Assert.Equal(Compression.Zstd, c.Compression);
        Assert.Equal(OnError.Quarantine, c.OnError);
        Assert.Equal((9UL, 4, 1L << 20), (c.Seed, c.Tasks!.Value, c.SplitBytes));
        Assert.Equal(new CheckpointSpec(1000, 2L << 20), c.Checkpoint);
        Assert.Equal("/tmp/out", c.OutputFolder);
    }

    [Fact]
    public void Binds_every_supported_parameter_type_from_snake_case()
    {
        var c = Parse("""
            input: x.jsonl
            output: out
            steps:
              - type: test_kitchen_sink_v1
                count: 3
                big: 12345678901
                ratio: 0.25
                enabled: yes
                name: hello
                mode: very_slow
                words: [a, b]
                weights: [1.5, 2]
                maybe: 7
                table: {x: 1, y: 2.5}
            """);
        var o = (KitchenSinkOptions)c.Steps[0].Options;
        Assert.Equal((3, 12345678901L, 0.25, true, "hello", Mode.VerySlow, 7), (o.Count, o.Big, o.Ratio, o.Enabled, o.Name, o.Mode, o.Maybe));
        Assert.Equal(["a", "b"], o.Words);
        Assert.Equal([1.5, 2.0], o.Weights);
        Assert.Equal(2.5, o.Table["y"]);
    }

    [Fact]
    public void Unknown_step_type_lists_the_registered_names_with_line_and_column()
    {
        var e = Error("input: x.jsonl\noutput: out\nsteps:\n  - type: gopher_qualty_v1\n");
        Assert.Contains("/tmp/p.yaml:4:11", e);
        Assert.Contains("unknown step type 'gopher_qualty_v1'", e);
        Assert.Contains("test_min_length_v1", e);
        Assert.Contains("sample_v1", e);
    }

    [Fact]
    public void Unknown_parameter_names_line_column_and_valid_keys()
    {
        var e = Error("input: x.jsonl\noutput: out\nsteps:\n  - type: test_min_length_v1\n    min_char: 3\n");
        Assert.Contains("/tmp/p.yaml:5:5", e);
        Assert.Contains("no parameter 'min_char'", e);
        Assert.Contains("valid: min_chars (integer)", e);
    }

    [Fact]
    public void Bad_value_names_the_expected_type()
    {
        var e = Error("input: x.jsonl\noutput: out\nsteps:\n  - type: test_min_length_v1\n    min_chars: many\n");
        Assert.Contains("/tmp/p.yaml:5:16", e);
        Assert.Contains("expects integer", e);
        var e2 = Error("input: x.jsonl\noutput: out\nsteps:\n  - type: test_kitchen_sink_v1\n    mode: medium\n");
        Assert.Contains("fast, very_slow", e2);
    }

    [Fact]
    public void Step_constructor_rejections_are_reported_at_the_step()
    {
        var e = Error("input: x.jsonl\noutput: out\nsteps:\n  - type: test_kitchen_sink_v1\n    count: -1\n");
        Assert.Contains("/tmp/p.yaml:4:5", e);
        Assert.Contains("count must be >= 0", e);
    }

    [Theory]
    [InlineData("input: x.jsonl\noutput: out\nsed: 3\n", "unknown key 'sed' in pipeline")]
    [InlineData("output: out\n", "missing required key 'input'")]
    [InlineData("input: x.jsonl\noutput: {path: o, compression: lz4}\n", "unknown compression 'lz4'")]
    [InlineData("input: x.jsonl\noutput: out\non_error: ignore\n", "on_error")]
    [InlineData("input: x.jsonl\noutput: out\nsteps:\n  - type: sample_v1\n  - type: sample_v1\n", "step id 'sample_v1' is used twice")]
    [InlineData("input: x.jsonl\noutput: out\nsplit_bytes: lots\n", "not a positive size")]
    [InlineData("input: x.jsonl\noutput: out\nkeep_stages: maybe\n", "/tmp/p.yaml:3:14: keep_stages: 'maybe' is not true or false")]
    [InlineData("input: [x.jsonl\n", "invalid YAML")]
    [InlineData("input: x.jsonl\noutput: out\nsteps:\n  - type: sample_v1\n    rate: 2\n", "/tmp/p.yaml:4:5: step 'sample_v1'")] // rejected in Initialize
    public void Invalid_files_give_a_located_error(string yaml, string expected) => Assert.Contains(expected, Error(yaml));

    [Fact]
    public void Config_hash_ignores_comments_and_layout_but_not_values()
    {
        var a = Parse("input: x.jsonl\noutput: out\nseed: 1\n").ConfigHash;
        var b = Parse("# a comment\ninput:   'x.jsonl'\noutput: \"out\"\nseed: 1   # same\n").ConfigHash;
        var c = Parse("input: x.jsonl\noutput: out\nseed: 2\n").ConfigHash;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.StartsWith("sha256:", a);
        // keep_stages changes no output, so it must not make the output folder "another run".
        var kept = Parse("input: x.jsonl\noutput: out\nseed: 1\nkeep_stages: true\n");
        Assert.True(kept.KeepStages);
        Assert.False(Parse("input: x.jsonl\noutput: out\nseed: 1\n").KeepStages);
        Assert.Equal(a, kept.ConfigHash);
    }

    [Fact]
    public void Registry_discovers_steps_with_kind_and_options()
    {
        Assert.True(TestData.Registry.TryGet("test_replace_v1", out var r));
        Assert.Equal(("rewrite", typeof(ReplaceOptions)), (r.Kind, r.OptionsType));
        Assert.True(TestData.Registry.TryGet("test_words_v1", out var w));
        Assert.Equal("annotate", w.Kind);
        Assert.True(StepRegistry.Default.TryGet("sample_v1", out _));
        Assert.False(StepRegistry.Default.TryGet("test_words_v1", out _)); // test steps only where asked for
    }
}
