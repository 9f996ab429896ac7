using System.Text.Json.Nodes;
using Assay.Core.Packs;
using Assay.Core.Records;
using Assay.Learn.Analysis;
using Assay.Learn.Training;

namespace Assay.Learn.Tests.Training;

public sealed class LmTokenizerTests
{
    /// <summary>js-tiktoken's rank files, from the tiktoken pack (pulled once into the cache).</summary>
    private static string Ranks() => PackPuller.Pull("tiktoken").Path;

    [Fact]
    public void Gpt2_has_gpt2s_vocabulary_and_separator_and_encodes_special_text_as_ordinary_text()
    {
        var gpt2 = LmTokenizer.Load("gpt2", Ranks);
        Assert.Equal(("gpt2", 50257, 50256), (gpt2.Name, gpt2.VocabSize, gpt2.EndOfText));
        Assert.Equal([15496, 995], gpt2.Encode("Hello world")); // GPT-2's ids
        var forged = gpt2.Encode("a<|endoftext|>b");
        Assert.DoesNotContain(50256, forged);
        Assert.Equal("a<|endoftext|>b", gpt2.Decode(forged));
        // End-of-text is dropped; an id no token has (a padded vocabulary) becomes U+FFFD.
        Assert.Equal("Hello world\uFFFD", gpt2.Decode([50256, 15496, 995, 50256, 50300]));

        var split = TokenCorpus.Build(["Hello world", "Hello", "world"], gpt2, validationEvery: 3);
        Assert.Equal([15496, 995, 50256, 15496, 50256], split.Train.Tokens.ToArray());
        Assert.Equal([6894, 50256], split.Validation!.Tokens.ToArray());

        var cl100k = LmTokenizer.Load("cl100k_base", Ranks);
        Assert.Equal((100277, 100257), (cl100k.VocabSize, cl100k.EndOfText));
    }

    [Fact]
    public void Byte_is_the_default_for_old_checkpoints_and_names_and_vocabularies_are_checked()
    {
        Assert.Same(LmTokenizer.Byte, LmTokenizer.ForModel(null, null, 257, () => throw new InvalidOperationException("no ranks needed")));
        Assert.Equal("h\uFFFDi", LmTokenizer.Byte.Decode([104, 300, 256, 105]));

        var unknown = Assert.Throws<ArgumentException>(() => LmTokenizer.Load("gpt-9", Ranks)).Message;
        Assert.Contains("unknown tokenizer 'gpt-9'", unknown);
        Assert.Contains("byte, cl100k_base", unknown);
        Assert.Contains("--tokenizer", Assert.Throws<ArgumentException>(() => LmTokenizer.ForModel(null, null, 50257, Ranks)).Message);
        Assert.Contains("vocab_size is 300", Assert.Throws<ArgumentException>(() => LmTokenizer.ForModel(null, "gpt2", 300, Ranks)).Message);
        // A model may pad its vocabulary (nanoGPT uses 50304 for gpt2).
        Assert.Equal("gpt2", LmTokenizer.ForModel("gpt2", null, 50304, Ranks).Name);
    }

    [Fact]
    public void Records_are_scored_on_meta_tokens_when_given_and_bad_ids_name_the_record()
    {
        var plain = new Record("a", "hi");
        Assert.Null(RecordTokens.Problem(plain, 257));
        Assert.Equal([104, 105], RecordTokens.Of(plain, LmTokenizer.Byte, 257));

        var given = new Record("b", "ignored") { Meta = new JsonObject { ["tokens"] = new JsonArray(5, 0, 256) } };
        Assert.Equal([5, 0, 256], RecordTokens.Of(given, LmTokenizer.Byte, 257));

        var outside = new Record("c", "") { Meta = new JsonObject { ["tokens"] = new JsonArray(1, 257) } };
        Assert.Equal("record 'c': meta.tokens[1] = 257 is outside the model's vocabulary (0..256)", RecordTokens.Problem(outside, 257));
        Assert.Throws<InvalidDataException>(() => RecordTokens.Of(outside, LmTokenizer.Byte, 257));
        var notInt = new Record("d", "") { Meta = new JsonObject { ["tokens"] = new JsonArray(1, 2.5) } };
        Assert.Contains("meta.tokens[1] = 2.5 is not an integer", RecordTokens.Problem(notInt, 257));
        var notArray = new Record("e", "") { Meta = new JsonObject { ["tokens"] = "1 2" } };
        Assert.Contains("not an array", RecordTokens.Problem(notArray, 257));
    }
}
