using System.Reflection;

namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Our own short lyric lines per language (embedded <c>Lyrics/&lt;lang&gt;.txt</c>, one line per line, words separated
/// by spaces, also for scripts that do not use spaces, so each word can get its own melody note). Every line was checked
/// with <c>espeak-ng -q -v LANG -x</c> to contain no English fallback (<c>(en)</c>).
/// </summary>
public static class LyricsBank
{
    private static readonly Lazy<Dictionary<string, string[]>> Lines = new(Load);

    /// <summary>Languages that have lyrics, in a fixed order.</summary>
    public static IReadOnlyList<string> Languages => [.. Lines.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The default corpus languages: ten languages over six scripts (Latin, Cyrillic, Devanagari, Arabic, Hangul, Han read as Cantonese).</summary>
    public static IReadOnlyList<string> DefaultLanguages { get; } = ["en", "es", "fr", "de", "pt", "ru", "hi", "ar", "ko", "yue"];

    /// <summary>The lyric lines of <paramref name="language"/>.</summary>
    /// <exception cref="AlchemyException">No lyrics for this language.</exception>
    public static IReadOnlyList<string> For(string language) => Lines.Value.TryGetValue(language, out var l) ? l
        : throw new AlchemyException($"no lyrics for language '{language}'; available: {string.Join(", ", Languages)}");

    private static Dictionary<string, string[]> Load()
    {
        var asm = typeof(LyricsBank).Assembly;
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string name in asm.GetManifestResourceNames())
        {
            const string marker = ".Corpus.Synth.Lyrics.";
            int at = name.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !name.EndsWith(".txt", StringComparison.Ordinal)) continue;
            string lang = name[(at + marker.Length)..^4];
            using var s = asm.GetManifestResourceStream(name)!;
            using var r = new StreamReader(s);
            result[lang] = r.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        }
        return result;
    }
}
