using Assay.Core.Records;
using Assay.Curation.Filters.Text;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Length;

/// <summary>Keeps records whose length in chars, whitespace words and tokens lies within the set bounds.</summary>
[StepName(Name, typeof(LengthBoundsOptions), Description = "Length bounds in chars, words and tokens (inclusive)")]
public sealed class LengthBoundsFilter : FilterStep
{
    public const string Name = "length_v1";
    private const string Signal = "length";

    private readonly LengthBoundsOptions _options;
    private readonly Func<string, int>? _tokenCounter;

    public LengthBoundsFilter(LengthBoundsOptions options) : this(options, null) { }

    /// <summary>With a token counter resolved by the pipeline from <see cref="LengthBoundsOptions.Tokenizer"/>.</summary>
    public LengthBoundsFilter(LengthBoundsOptions options, Func<string, int>? tokenCounter)
    {
        _options = options;
        _tokenCounter = tokenCounter;
    }

    private bool CountsTokens => _options.MinTokens is not null || _options.MaxTokens is not null;

    public override void Initialize(StepContext context)
    {
        if (CountsTokens && _tokenCounter is null && _options.Tokenizer is { } name && name != "whitespace")
            throw new InvalidOperationException(
                $"{Name}: tokenizer '{name}' is not available to this step; valid without injection: whitespace (or omit the option).");
    }

    public override Verdict Judge(Record record)
    {
        string text = record.Text;
        long chars = text.Length;
        long words = CountWhitespaceWords(text);
        Signals.Set(record, Signal, "chars", chars);
        Signals.Set(record, Signal, "words", words);
        long tokens = words;
        if (CountsTokens)
        {
            tokens = _tokenCounter?.Invoke(text) ?? words;
            Signals.Set(record, Signal, "tokens", tokens);
        }
        var o = _options;
        if (chars < o.MinChars) return Verdict.Remove("length:min_chars");
        if (chars > o.MaxChars) return Verdict.Remove("length:max_chars");
        if (words < o.MinWords) return Verdict.Remove("length:min_words");
        if (words > o.MaxWords) return Verdict.Remove("length:max_words");
        if (tokens < o.MinTokens) return Verdict.Remove("length:min_tokens");
        if (tokens > o.MaxTokens) return Verdict.Remove("length:max_tokens");
        return Verdict.Kept;
    }

    /// <summary>Python <c>len(text.split())</c>.</summary>
    public static long CountWhitespaceWords(ReadOnlySpan<char> text)
    {
        long count = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = PythonText.IsSpace(c);
            if (!space && !inWord) count++;
            inWord = !space;
        }
        return count;
    }
}
