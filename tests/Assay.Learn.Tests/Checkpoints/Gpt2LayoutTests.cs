using System.Buffers.Binary;
using System.Text.Json;
using Assay.Learn.Checkpoints;
using Assay.Learn.Gpt;
using Assay.Learn.Kernels;
using Assay.Learn.Tests.Gpt;

namespace Assay.Learn.Tests.Checkpoints;

/// <summary>
/// Checkpoints fabricated in the layouts real GPT-2 files have (no hub is reachable here, so the
/// real 548 MB gpt2 model.safetensors cannot be used): the hub's names without "transformer.",
/// mask buffers, a torch state_dict's tied lm_head, half-precision dtypes, the real config.json keys.
/// </summary>
public sealed class Gpt2LayoutTests
{
    /// <summary>The keys of the hub's gpt2 config.json, with the tiny test model's sizes.</summary>
    private static string RealGpt2Config(GptConfig c, string extra = "") => $$$"""
        {
          "activation_function": "gelu_new",
          "architectures": ["GPT2LMHeadModel"],
          "attn_pdrop": 0.1,
          "bos_token_id": {{{c.VocabSize - 1}}},
          "embd_pdrop": 0.1,
          "eos_token_id": {{{c.VocabSize - 1}}},
          "initializer_range": 0.02,
          "layer_norm_epsilon": 1e-05,
          "model_type": "gpt2",
          "n_ctx": {{{c.MaxSeqLen}}},
          "n_embd": {{{c.Channels}}},
          "n_head": {{{c.NumHeads}}},
          "n_layer": {{{c.NumLayers}}},
          "n_positions": {{{c.MaxSeqLen}}},
          "resid_pdrop": 0.1,
          "summary_activation": null,
          "summary_first_dropout": 0.1,
          "summary_proj_to_labels": true,
          "summary_type": "cls_index",
          "summary_use_proj": true,
          "task_specific_params": {"text-generation": {"do_sample": true, "max_length": 50}},
          {{{extra}}}
          "vocab_size": {{{c.VocabSize}}}
        }
        """;

    private sealed record Entry(string Name, string DType, int[] Shape, float[] Values);

    /// <summary>Writes a safetensors file with any dtype mix, as torch-side writers do (the library writer only writes F32).</summary>
    private static void WriteFile(string path, IEnumerable<Entry> entries)
    {
        var list = entries.ToList();
        var data = new MemoryStream();
        Span<byte> b = stackalloc byte[4];
        var header = new Dictionary<string, object> { ["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt" } };
        foreach (var e in list)
        {
            long begin = data.Length;
            foreach (float v in e.Values)
            {
                switch (e.DType)
                {
                    case "F32": BinaryPrimitives.WriteSingleLittleEndian(b, v); data.Write(b); break;
                    case "F16": BinaryPrimitives.WriteHalfLittleEndian(b, (Half)v); data.Write(b[..2]); break;
                    case "BF16": BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)(BitConverter.SingleToUInt32Bits(v) >> 16)); data.Write(b[..2]); break;
                    case "BOOL": data.WriteByte(v != 0 ? (byte)1 : (byte)0); break;
                    default: throw new ArgumentException(e.DType);
                }
            }
            header[e.Name] = new { dtype = e.DType, shape = e.Shape, data_offsets = new[] { begin, data.Length } };
        }
        var h = JsonSerializer.SerializeToUtf8Bytes(header);
        using var fs = File.Create(path);
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)h.Length);
        fs.Write(len);
        fs.Write(h);
        data.Position = 0;
        data.CopyTo(fs);

    }

    /// <summary>What a value becomes after storing it in dtype and reading it back.</summary>
    private static float Round(float v, string dtype) => dtype switch
    {
        "F16" => (float)(Half)v,
        "BF16" => BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(v) & 0xFFFF0000u),
        _ => v,
    };

    /// <summary>The model's tensors in checkpoint layout (Conv1D [in, out]) under the names given by rename.</summary>
    private static List<Entry> Tensors(GptModel m, string dtype, Func<string, string> rename)
    {
        var list = new List<Entry>();
        foreach (var t in m.Layout.Tensors)
        {
            var v = m.Parameters.AsSpan(t.Offset, t.Count).ToArray();
            int[] shape = t.Shape;
            if (t.TransposedInCheckpoint)
            {
                var tr = new float[v.Length];
                MatMul.Transpose(v, tr, t.Shape[0], t.Shape[1]);
                (v, shape) = (tr, [t.Shape[1], t.Shape[0]]);
            }
            list.Add(new Entry(rename(t.Name), dtype, shape, v));
        }
        return list;
    }

    private static IEnumerable<Entry> MaskBuffers(GptConfig c, string prefix, string maskDType)
    {
        int t = c.MaxSeqLen;
        var tril = new float[t * t];
        for (int i = 0; i < t; i++)
            for (int j = 0; j <= i; j++) tril[i * t + j] = 1;
        for (int l = 0; l < c.NumLayers; l++)
        {
            yield return new Entry($"{prefix}h.{l}.attn.bias", maskDType, [1, 1, t, t], tril);
            yield return new Entry($"{prefix}h.{l}.attn.masked_bias", "F32", [], [-1e4f]);
        }
    }

    private static void AssertScoresLike(GptModel expected, GptModel loaded, string dtype)
    {
        var rounded = Array.ConvertAll(expected.Parameters, v => Round(v, dtype));
        Assert.Equal(rounded, loaded.Parameters);
        var reference = GptModel.FromParameters(expected.Config, rounded);
        int[] x = [3, 1, 4, 1, 5, 9];
        reference.Forward(x, [], 1, x.Length);
        loaded.Forward(x, [], 1, x.Length);
        Assert.Equal(reference.Logits.ToArray(), loaded.Logits.ToArray());
    }

    [Theory]
    [InlineData("F32")]
    [InlineData("F16")]
    [InlineData("BF16")]
    public void Loads_the_hub_gpt2_layout_without_prefix_with_mask_buffers_and_the_real_config_keys(string dtype)
    {
        using var dir = new TempDir();
        var m = GptGradientTests.RandomTiny(5);
        var entries = Tensors(m, dtype, n => n["transformer.".Length..]).Concat(MaskBuffers(m.Config, "", "F32"));
        WriteFile(dir.File(GptCheckpoint.WeightsFile), entries);
        File.WriteAllText(dir.File(GptCheckpoint.ConfigFile), RealGpt2Config(m.Config));

        var loaded = GptCheckpoint.Load(dir.Path);
        Assert.Equal(m.Config, loaded.Config);
        Assert.Null(GptCheckpoint.TokenizerOf(dir.Path));
        AssertScoresLike(m, loaded, dtype);
    }

    [Fact]
    public void Loads_a_torch_state_dict_with_prefix_bool_masks_and_the_tied_lm_head()
    {
        using var dir = new TempDir();
        var m = GptGradientTests.RandomTiny(6);
        var entries = Tensors(m, "F32", n => n).Concat(MaskBuffers(m.Config, "transformer.", "BOOL")).ToList();
        var wte = entries.Single(e => e.Name == "transformer.wte.weight");
        entries.Add(wte with { Name = "lm_head.weight" });
        WriteFile(dir.File(GptCheckpoint.WeightsFile), entries);
        File.WriteAllText(dir.File(GptCheckpoint.ConfigFile), RealGpt2Config(m.Config));

        AssertScoresLike(m, GptCheckpoint.Load(dir.Path), "F32");
    }

    [Fact]
    public void Refuses_an_untied_head_unused_or_doubled_tensors_and_architecture_changing_config_keys()
    {
        using var dir = new TempDir();
        var m = GptGradientTests.RandomTiny(7);
        var c = m.Config;
        var plain = Tensors(m, "F32", n => n);
        File.WriteAllText(dir.File(GptCheckpoint.ConfigFile), RealGpt2Config(c));
        string Fails(IEnumerable<Entry> entries)
        {
            WriteFile(dir.File(GptCheckpoint.WeightsFile), entries);
            return Assert.Throws<InvalidDataException>(() => GptCheckpoint.Load(dir.Path)).Message;
        }

        var wte = plain.Single(e => e.Name == "transformer.wte.weight");
        Assert.Contains("only tied embeddings", Fails([.. plain, wte with { Name = "lm_head.weight", Values = wte.Values.Select(v => v + 1).ToArray() }]));
        Assert.Contains("does not use: transformer.h.2.ln_1.weight", Fails([.. plain, new Entry("h.2.ln_1.weight", "F32", [c.Channels], new float[c.Channels])]));
        Assert.Contains("twice", Fails([.. plain, plain[0] with { Name = plain[0].Name["transformer.".Length..] }]));

        WriteFile(dir.File(GptCheckpoint.WeightsFile), plain);
        Assert.Equal(m.Parameters, GptCheckpoint.Load(dir.Path).Parameters);
        foreach (var (extra, expected) in new[]
                 {
                     ("\"n_inner\": 16,", "n_inner 16"),
                     ("\"scale_attn_by_inverse_layer_idx\": true,", "scale_attn_by_inverse_layer_idx"),
                     ("\"tie_word_embeddings\": false,", "tie_word_embeddings"),
                 })
        {
            File.WriteAllText(dir.File(GptCheckpoint.ConfigFile), RealGpt2Config(c, extra));
            Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => GptCheckpoint.Load(dir.Path)).Message);
        }
        // n_inner null (the default) and 4 x n_embd are GPT-2's MLP.
        File.WriteAllText(dir.File(GptCheckpoint.ConfigFile), RealGpt2Config(c, $"\"n_inner\": {4 * c.Channels},"));
        Assert.Equal(m.Parameters, GptCheckpoint.Load(dir.Path).Parameters);
        File.WriteAllText(dir.File(GptCheckpoint.ConfigFile), RealGpt2Config(c).Replace("1e-05", "1e-06", StringComparison.Ordinal));
        Assert.Contains("layer_norm_epsilon", Assert.Throws<InvalidDataException>(() => GptCheckpoint.Load(dir.Path)).Message);
    }
}
