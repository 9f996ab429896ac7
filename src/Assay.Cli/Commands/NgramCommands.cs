using System.CommandLine;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Text.LanguageModel;

namespace Assay.Cli.Commands;

/// <summary><c>assay ngram train | score</c>: modified Kneser–Ney n-gram LMs in ARPA format.</summary>
internal sealed class NgramCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var ngram = new Command("ngram", "n-gram language models (interpolated modified Kneser–Ney, as KenLM's lmplz; ARPA files)");
        ngram.Add(Train());
        ngram.Add(Score());
        yield return ngram;
    }

    private static Command Train()
    {
        var input = CommonOptions.Input();
        var output = CommonOptions.Output("ARPA file to write (e.g. model.arpa)");
        var order = new Option<int>("--order") { Description = "Highest n-gram order, 1..5", DefaultValueFactory = _ => 5 };
        var maxGrams = new Option<int>("--max-grams-in-memory") { Description = "Distinct n-grams counted in memory before a sorted run is spilled to disk", DefaultValueFactory = _ => new NgramOptions().MaxGramsInMemory };
        var temp = new Option<string?>("--temp-dir") { Description = "Folder for spilled count runs (default: system temp)" };
        var onError = CommonOptions.OnError();
        var cmd = new Command("train", "Train a word-level n-gram LM on a dataset's text (lowercased; punctuation split off; each document one sentence) and write it as ARPA")
            { input, output, order, maxGrams, temp, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var options = new NgramOptions { Order = parse.GetValue(order), MaxGramsInMemory = parse.GetValue(maxGrams), TempDirectory = parse.GetValue(temp) };
            options.Validate();
            var ds = DatasetInput.Resolve(parse.GetValue(input)!);
            var outPath = parse.GetValue(output)!;
            using var quarantine = QuarantineFor(parse.GetValue(onError), outPath);
            var read = new ReadOptions { OnError = parse.GetValue(onError), Quarantine = quarantine };
            var model = ctx.WithProgress("ngram train", p =>
                NgramTrainer.TrainText(DatasetReader.Read(ds, read).Select(r => r.Text), options, p, ct, ds.Manifest?.Records));
            ArpaWriter.Write(model, outPath);
            var counts = Enumerable.Range(1, model.Order).Select(model.Count).ToArray();
            ctx.Result(new { model = outPath, order = model.Order, documents = model.Stats!.Documents, tokens = model.Stats.Tokens, vocabulary = model.Vocabulary.Count, ngrams = counts, spilled_runs = model.Stats.SpilledRuns },
                $"{model.Stats.Documents:N0} documents, {model.Stats.Tokens:N0} tokens, vocabulary {model.Vocabulary.Count:N0}\n" +
                $"n-grams: {string.Join(", ", counts.Select((c, i) => $"{i + 1}={c:N0}"))} ({model.Stats.SpilledRuns} count run(s) spilled)\n" +
                $"model: {outPath}");
            return 0;
        });
        return cmd;
    }

    private static Command Score()
    {
        var modelOpt = new Option<string>("--model", "-m") { Description = "ARPA file (from 'assay ngram train', KenLM's lmplz or SRILM)", Required = true };
        var input = CommonOptions.Input();
        var output = CommonOptions.Output("JSONL file: one {\"id\",\"ppl\",\"log10prob\",\"tokens\",\"oov\"} per record");
        var onError = CommonOptions.OnError();
        var cmd = new Command("score", "Per-document perplexity and log10 probability under an ARPA model (tokens = words + one </s> per document, as KenLM's query counts a line; OOVs included)")
            { modelOpt, input, output, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var model = ArpaReader.Read(parse.GetValue(modelOpt)!);
            var ds = DatasetInput.Resolve(parse.GetValue(input)!);
            var outPath = parse.GetValue(output)!;
            using var quarantine = QuarantineFor(parse.GetValue(onError), outPath);
            var read = new ReadOptions { OnError = parse.GetValue(onError), Quarantine = quarantine };
            var s = ctx.WithProgress("ngram score", p => NgramDatasetScorer.Score(model, DatasetReader.Read(ds, read), outPath, p, ct, ds.Manifest?.Records));
            ctx.Result(new { output = outPath, documents = s.Documents, tokens = s.Tokens, oov = s.Oov, log10prob = s.Log10Prob, ppl = s.Perplexity },
                $"{s.Documents:N0} documents, {s.Tokens:N0} tokens ({s.Oov:N0} OOV), corpus perplexity {s.Perplexity:F2}\nscores: {outPath}");
            return 0;
        });
        return cmd;
    }

    private static QuarantineWriter? QuarantineFor(OnError onError, string outPath) =>
        onError == OnError.Quarantine ? new QuarantineWriter(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "quarantine")) : null;
}
