namespace Assay.Text.LanguageModel;

/// <summary>
/// Words ↔ dense ids. Ids 0, 1, 2 are <c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c> (KenLM's order).
/// Lookups by span go through the dictionary's alternate lookup, so scoring allocates no strings.
/// </summary>
public sealed class NgramVocabulary
{
    public const int Unk = 0;
    public const int Bos = 1;
    public const int Eos = 2;
    public const string UnkWord = "<unk>";
    public const string BosWord = "<s>";
    public const string EosWord = "</s>";

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly List<string> _words = [];

    public NgramVocabulary()
    {
        _spanLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Add(UnkWord);
        Add(BosWord);
        Add(EosWord);
    }

    public int Count => _words.Count;

    public string this[int id] => _words[id];

    /// <summary>The id of <paramref name="word"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> word)
    {
        if (_spanLookup.TryGetValue(word, out int id)) return id;
        return Add(word.ToString());
    }

    /// <summary>The id of <paramref name="word"/>, or <see cref="Unk"/> when unknown.</summary>
    public int Find(ReadOnlySpan<char> word) => _spanLookup.TryGetValue(word, out int id) ? id : Unk;

    internal int Add(string word)
    {
        if (_ids.TryGetValue(word, out int existing)) return existing;
        int id = _words.Count;
        _ids.Add(word, id);
        _words.Add(word);
        return id;
    }
}
