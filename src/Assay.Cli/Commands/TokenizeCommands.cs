using System.CommandLine;
using System.Text.Json;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Progress;
using Assay.Core.Records;
using Assay.Text.Bpe;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay tokenize encode|count|train</c>: tiktoken BPE (cl100k_base, o200k_base, r50k_base/gpt2,
/// p50k_base, or a trained .tiktoken file), identical ids to js-tiktoken.
/// </summary>
internal sealed class TokenizeCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var input = new Option<string?>("--input", "-i") { Description = "DATASET to tokenize" };
        var output = new Option<string?>("--output", "-o") { Description = "JSONL file to write: one {\"id\",\"tokens\":[ids]} per record, or {\"id\",\"n_tokens\"} with --count" };
        var countOnly = new Option<bool>("--count") { Description = "Write only the number of tokens per record" };
        var encoding = EncodingOption();
        var onError = CommonOptions.OnError();
        var group = new Command("tokenize", "tiktoken BPE tokenizers (ids identical to js-tiktoken). With --input and --output: write every record's token ids (or counts with --count); subcommands encode text, count dataset tokens, train a byte-level BPE")
            { input, output, countOnly, encoding, onError };
        group.SetHandler((parse, ctx, ct) =>
        {
            if (parse.GetValue(input) is null || parse.GetValue(output) is null)
                throw new CliUserException("tokenize needs --input DATASET and --output FILE.jsonl (or a subcommand: encode, count, train; see --help)");
            return RunOverDataset(parse, ctx, ct, input!, output, encoding, onError, parse.GetValue(countOnly) ? "n_tokens" : "tokens", ids: !parse.GetValue(countOnly));
        });
        group.Add(Encode());
        group.Add(Count());
        group.Add(Train());
        yield return group;
    }

    private static Option<string> EncodingOption() => new("--encoding", "-e")
    {
        Description = "cl100k_base, o200k_base, r50k_base, gpt2, p50k_base, p50k_edit, or a .tiktoken file; " +
                      $"rank files come from ${TiktokenEncoding.DirectoryVariable} or the tiktoken pack (pulled on first use)",
        DefaultValueFactory = _ => "cl100k_base",
    };

    private static TiktokenEncoding LoadEncoding(CliContext ctx, string nameOrPath, CancellationToken ct)
    {
        if (File.Exists(nameOrPath)) return TiktokenEncoding.Load(nameOrPath);
        if (!TiktokenEncoding.KnownNames.Contains(nameOrPath))
            throw new CliUserException($"--encoding '{nameOrPath}': not a file, and not one of {string.Join(", ", TiktokenEncoding.KnownNames)}");
        return TiktokenEncoding.Load(nameOrPath, TiktokenRanks.Directory(ctx, ct));
    }

    private static Command Encode()
    {
        var text = new Argument<string>("TEXT") { Description = "Text to encode" };
        var encoding = EncodingOption();
        var special = new Option<bool>("--allow-special") { Description = "Turn special-token text such as <|endoftext|> into its special id (otherwise it is an error)" };
        var cmd = new Command("encode", "Encode TEXT and print its token ids and the text of each token") { text, encoding, special };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var enc = LoadEncoding(ctx, parse.GetValue(encoding)!, ct);
            var input = parse.GetValue(text)!;
            var ids = parse.GetValue(special) ? enc.Encode(input, enc.SpecialTokens.Keys.ToArray()) : enc.Encode(input);
            var pieces = ids.Select(id => System.Text.Encoding.UTF8.GetString(enc.TokenBytes(id))).ToArray();
            ctx.Result(new { encoding = enc.Name, tokens = ids.Length, ids, pieces },
                $"{ids.Length} tokens ({enc.Name})\n{string.Join(' ', ids)}\n{string.Join('|', pieces.Select(p => p.ReplaceLineEndings("\\n")))}");
            return 0;
        });
        return cmd;
    }

    private static Command Count()
    {
        var input = CommonOptions.Input();
        var output = new Option<string?>("--output", "-o") { Description = "Optional JSONL file to write, one {\"id\",\"tokens\"} per record" };
        var encoding = EncodingOption();
        var onError = CommonOptions.OnError();
        var cmd = new Command("count", "Count the tokens of every record's text (special-token text counted as ordinary text); totals, and per-record counts with -o")
            { input, output, encoding, onError };
        cmd.SetHandler((parse, ctx, ct) => RunOverDataset(parse, ctx, ct, input!, output, encoding, onError, "tokens", ids: false));
        return cmd;
    }

    /// <summary>Tokenizes every record; writes per-record ids (<paramref name="ids"/>) or counts under <paramref name="field"/> when an output is given.</summary>
    private static int RunOverDataset(ParseResult parse, CliContext ctx, CancellationToken ct, Option<string?> input, Option<string?> output,
        Option<string> encoding, Option<OnError> onError, string field, bool ids)
    {
        {
            var enc = LoadEncoding(ctx, parse.GetValue(encoding)!, ct);
            var dataset = DatasetInput.Resolve(parse.GetValue(input)!);
            var outPath = parse.GetValue(output);
            var onErr = parse.GetValue(onError);
            long records = 0, tokens = 0, chars = 0, max = 0;
            string? temp = null;
            using (var quarantine = onErr == OnError.Quarantine ? new QuarantineWriter((outPath ?? "tokenize-count") + ".quarantine") : null)
            {
                Stream? stream = null;
                Utf8JsonWriter? w = null;
                if (outPath is not null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
                    temp = Path.GetFullPath(outPath) + ".tmp";
                    stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                    w = new Utf8JsonWriter(stream);
                }
                try
                {
                    ctx.WithProgress("count tokens", p =>
                    {
                        var throttled = new ThrottledProgress(p);
                        foreach (var r in DatasetReader.Read(dataset, new ReadOptions { OnError = onErr, Quarantine = quarantine }))
                        {
                            ct.ThrowIfCancellationRequested();
                            var tokenIds = ids ? enc.EncodeOrdinary(r.Text) : null;
                            var n = tokenIds?.Length ?? enc.Count(r.Text);
                            records++;
                            tokens += n;
                            chars += r.Text.Length;
                            max = Math.Max(max, n);
                            if (w is not null)
                            {
                                w.WriteStartObject();
                                w.WriteString("id", r.Id);
                                if (tokenIds is null) w.WriteNumber(field, n);
                                else
                                {
                                    w.WriteStartArray(field);
                                    foreach (var id in tokenIds) w.WriteNumberValue(id);
                                    w.WriteEndArray();
                                }
                                w.WriteEndObject();
                                w.Flush();
                                stream!.WriteByte((byte)'\n');
                                w.Reset();
                            }
                            throttled.Report(new ProgressInfo("records", records, dataset.Manifest?.Records));
                        }
                        throttled.Report(new ProgressInfo("records", records, dataset.Manifest?.Records), force: true);
                        return records;
                    });
                }
                finally
                {
                    w?.Dispose();
                    stream?.Dispose();
                }
            }
            if (temp is not null) File.Move(temp, Path.GetFullPath(outPath!), overwrite: true);
            var mean = records > 0 ? (double)tokens / records : 0;
            ctx.Result(new { encoding = enc.Name, records, tokens, chars, mean_tokens = Math.Round(mean, 3), max_tokens = max, output = outPath },
                $"{records:N0} records, {tokens:N0} tokens ({enc.Name}), {mean:F1} per record, max {max:N0}, {(tokens > 0 ? (double)chars / tokens : 0):F2} chars per token" +
                (outPath is null ? "" : $"\nwrote {outPath}"));
            return 0;
        }
    }

    private static Command Train()
    {
        var input = CommonOptions.Input("DATASET whose texts to train on");
        var output = CommonOptions.Output("Rank file to write (.tiktoken; a .json sidecar with pattern and special tokens is written beside it)");
        var vocabSize = new Option<int>("--vocab-size") { Description = "Ordinary tokens wanted, the 256 single bytes included", DefaultValueFactory = _ => 8192 };
        var pattern = new Option<string>("--pattern") { Description = "Split pattern: cl100k, o200k or r50k (the encodings' patterns)", DefaultValueFactory = _ => "cl100k" };
        var special = new Option<string[]>("--special") { Description = "Special tokens to add after the ordinary ones", DefaultValueFactory = _ => ["<|endoftext|>"], AllowMultipleArgumentsPerToken = true };
        var onError = CommonOptions.OnError();
        var cmd = new Command("train", "Train a byte-level BPE (deterministic) on a dataset's texts and save it in tiktoken's format for --encoding")
            { input, output, vocabSize, pattern, special, onError };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var pat = parse.GetValue(pattern) switch
            {
                "cl100k" => TiktokenPatterns.Cl100k,
                "o200k" => TiktokenPatterns.O200k,
                "r50k" => TiktokenPatterns.R50k,
                var other => throw new CliUserException($"--pattern '{other}': expected cl100k, o200k or r50k"),
            };
            var outPath = parse.GetValue(output)!;
            if (!outPath.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
                throw new CliUserException($"--output '{outPath}': the rank file name must end in .tiktoken");
            var texts = DatasetReader.Read(parse.GetValue(input)!, new ReadOptions { OnError = parse.GetValue(onError) }).Select(r => r.Text);
            var vocab = ctx.WithProgress("train BPE", p => BpeTrainer.Train(texts, parse.GetValue(vocabSize), pat, parse.GetValue(special),
                new Progress(n => p.Report(new ProgressInfo("merges", n, null, "merges"))), ct));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            vocab.Save(outPath);
            ctx.Result(new { tokens = vocab.Count, merges = vocab.Merges.Count, special_tokens = vocab.SpecialTokens, output = outPath },
                $"{vocab.Count:N0} tokens from {vocab.Merges.Count:N0} merges\nwrote {outPath} and {Path.ChangeExtension(outPath, ".json")}");
            return 0;
        });
        return cmd;
    }

    /// <summary>Reports synchronously (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
