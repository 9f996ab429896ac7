using Assay.Text.FastText;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Text.Tests.FastText;

public sealed class FastTextInternalsTests
{
    [Fact]
    public void Huffman_tree_merges_like_fasttext()
    {
        // Leaves 0..3 with counts 5,3,2,1: node 4 = {3,2} (3), node 5 = {4,1} (6, inner node wins the tie), root 6 = {0,5}.
        var t = new HuffmanTree([5, 3, 2, 1]);
        Assert.Equal(6, t.Root);
        Assert.Equal([-1, -1, -1, -1, 3, 4, 0], t.Left);
        Assert.Equal([-1, -1, -1, -1, 2, 1, 5], t.Right);
        Assert.Equal([6, 5, 4, 4, 5, 6, -1], t.Parent);
        Assert.Equal([false, true, true, false, false, true, false], t.Binary);
    }

    [Fact]
    public void TopK_keeps_the_k_largest_best_first()
    {
        Prop.ForAll<float[], PositiveInt>((scores, kRaw) =>
        {
            var finite = scores.Where(float.IsFinite).ToArray();
            int k = kRaw.Get % 6 + 1;
            var top = new TopK();
            top.Reset(k);
            for (int i = 0; i < finite.Length; i++)
                if (!top.IsFull || finite[i] >= top.Min)
                    top.Push(finite[i], i);
            var expected = finite.OrderDescending().Take(k).ToArray();
            var actual = Enumerable.Range(0, top.Count).Select(top.Score).ToArray();
            return expected.SequenceEqual(actual)
                && Enumerable.Range(0, top.Count).All(i => finite[top.Label(i)] == top.Score(i));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SumRows_matches_scalar_row_adds_for_every_width()
    {
        var rng = new Random(3);
        for (int cols = 0; cols <= 40; cols++)
        {
            var m = new DenseMatrix(7, cols);
            for (int i = 0; i < m.Data.Length; i++)
                m.Data[i] = (float)(rng.NextDouble() * 2 - 1);
            int[] ids = [3, 0, 6, 3, 1];
            var fast = new float[cols];
            var slow = new float[cols];
            m.SumRows(ids, fast);
            foreach (int id in ids)
                for (int j = 0; j < cols; j++)
                    slow[j] += m.Data[id * cols + j];
            Assert.Equal(slow, fast);
        }
    }

    [Fact]
    public void Hash_sign_extends_bytes_as_fasttext_does()
    {
        // "é" is C3 A9: each byte goes through int8_t, so the xor uses 0xFFFFFFC3, not 0xC3.
        uint h = 2166136261;
        h = (h ^ 0xFFFFFFC3u) * 16777619;
        h = (h ^ 0xFFFFFFA9u) * 16777619;
        Assert.Equal(h, FastTextHash.Hash("é"u8));
        uint ascii = 2166136261;
        ascii = (ascii ^ 'a') * 16777619;
        Assert.Equal(ascii, FastTextHash.Hash("a"u8));
    }

    [Fact]
    public void Unreadable_files_name_the_file()
    {
        var lid = File.ReadAllBytes(OracleData.LidModelPath());
        var e = Assert.Throws<FastTextFormatException>(() => FastTextModel.Load(lid.AsSpan(0, lid.Length / 2), "half.ftz"));
        Assert.Contains("half.ftz", e.Message);
        var wrongMagic = lid.ToArray();
        wrongMagic[0] ^= 0xFF;
        e = Assert.Throws<FastTextFormatException>(() => FastTextModel.Load(wrongMagic, "magic.ftz"));
        Assert.Contains("magic", e.Message);
    }

    [Fact]
    public void Only_the_first_line_is_read_and_labels_in_text_are_ignored()
    {
        var model = FastTextModel.Load(OracleData.LidModelPath());
        const string german = "Alle Menschen sind frei und gleich an Würde und Rechten geboren.";
        Assert.Equal(model.Predict(german, 3), model.Predict(german + "\nThis second line is English and is not read.", 3));
        Assert.Equal(model.Predict(german, 3), model.Predict("__label__en " + german, 3));
    }

    [Fact]
    public void Quantized_rows_decoded_once_predict_like_decoding_on_the_fly()
    {
        var lid = FastTextModel.Load(OracleData.LidModelPath());
        var q = Assert.IsType<QuantMatrix>(lid.Input);
        var dense = q.ToDense();
        Span<float> a = stackalloc float[16], b = stackalloc float[16];
        int[] ids = [0, 5, 100, lid.WordCount + 3, (int)q.Rows - 1];
        FastTextModel.ComputeHidden(q, ids, a);
        FastTextModel.ComputeHidden(dense, ids, b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void Quantized_model_saves_and_reloads_unchanged()
    {
        string original = OracleData.LidModelPath();
        var lid = FastTextModel.Load(original);
        string copy = Path.Combine(Directory.CreateTempSubdirectory("assay-ft-").FullName, "copy.ftz");
        lid.Save(copy);
        // Same layout and size; only the order of the pruned-bucket pairs may differ (fastText writes hash-map order).
        Assert.Equal(new FileInfo(original).Length, new FileInfo(copy).Length);
        var again = FastTextModel.Load(copy);
        foreach (var text in new[] { "Bonjour tout le monde", "Hola, ¿cómo estás?", "日本語のテキストです", "Привет, как дела?" })
            Assert.Equal(lid.Predict(text, 5), again.Predict(text, 5));
    }

    [Fact]
    public void Threshold_keeps_the_confident_labels_only()
    {
        var lid = FastTextModel.Load(OracleData.LidModelPath());
        foreach (var text in new[] { "Das ist ein deutscher Satz über das Wetter.", "ok", "Ceci est une phrase en français." })
        {
            var all = lid.Predict(text, 10);
            var confident = lid.Predict(text, 10, threshold: 0.05f);
            Assert.All(confident, p => Assert.True(p.Probability >= 0.05f));
            Assert.Equal(all.Where(p => p.Probability >= 0.05f + 2e-5f).Select(p => p.Label), confident.Where(p => p.Probability >= 0.05f + 2e-5f).Select(p => p.Label));
            Assert.Equal(all.Take(confident.Count), confident);
        }
    }
}
