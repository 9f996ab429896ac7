namespace Assay.Curation.Resources;

/// <summary>
/// A short built-in subset of the English "List of Dirty, Naughty, Obscene, and Otherwise Bad Words"
/// (LDNOOBW, github.com/LDNOOBW, file <c>en</c> at commit 25e679f, the one datatrove's C4BadWordsFilter
/// downloads). Only unambiguous entries are kept so the default does not drop ordinary prose; point
/// <c>bad_words_file</c> at the full list to reproduce C4 exactly.
/// </summary>
internal static class BadWordsEnglish
{
    public static readonly string[] Words =
    [
        "anal", "anus", "bastard", "blowjob", "bollocks", "boner", "bukkake", "bullshit", "clitoris", "cock",
        "cocks", "cum", "cumshot", "cunt", "dildo", "fuck", "fucking", "fucked", "fucker", "gangbang",
        "handjob", "hentai", "jizz", "masturbate", "milf", "motherfucker", "nigger", "orgasm", "penis",
        "porn", "porno", "pornography", "pussy", "rimjob", "shit", "slut", "twat", "vagina", "wank", "whore",
    ];
}
