
namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Options of the demo-corpus generator (<c>alchemy corpus synth</c>), validated once by <see cref="Validate"/>.
/// Defaults give the seed study's size: 10 genres x 20 songs x 30 s at 22050 Hz (the feature pipeline's rate).
/// </summary>
/// <param name="OutDir">Output folder (created); holds manifest.csv, mixture/, vocals/, accompaniment/, midi/, meta/.</param>
/// <param name="PerGenre">Songs per genre.</param>
/// <param name="Seconds">Duration of every song in seconds.</param>
/// <param name="Seed">Corpus seed; every song's seed is derived from it and the song's index.</param>
/// <param name="SampleRate">Rate of every output file in Hz.</param>
/// <param name="Genres">Genres to generate (null = all of <see cref="GenreCatalog.Names"/>).</param>
/// <param name="Languages">Vocal languages (null = <see cref="LyricsBank.DefaultLanguages"/>).</param>
/// <param name="Voices">espeak-ng voice variants (null = <see cref="VoiceVariant.Defaults"/>).</param>
/// <param name="MaxParallelism">Songs rendered at once (null = <see cref="Environment.ProcessorCount"/>).</param>
/// <param name="SoundFont">General-MIDI SoundFont (null = the system's FluidR3_GM).</param>
public sealed record SynthOptions(
    string OutDir,
    int PerGenre = 20,
    double Seconds = 30,
    ulong Seed = 1,
    int SampleRate = Dsp.Defaults.SampleRate,
    IReadOnlyList<string>? Genres = null,
    IReadOnlyList<string>? Languages = null,
    IReadOnlyList<string>? Voices = null,
    int? MaxParallelism = null,
    string? SoundFont = null)
{
    /// <summary>Genres in effect.</summary>
    public IReadOnlyList<string> EffectiveGenres => Genres ?? GenreCatalog.Names;

    /// <summary>Languages in effect.</summary>
    public IReadOnlyList<string> EffectiveLanguages => Languages ?? LyricsBank.DefaultLanguages;

    /// <summary>Voice variants in effect.</summary>
    public IReadOnlyList<string> EffectiveVoices => Voices ?? VoiceVariant.Defaults;

    /// <summary>Checks every option; throws one <see cref="AlchemyException"/> naming the bad option.</summary>
    public SynthOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(OutDir)) throw new AlchemyException("--out: an output folder is required");
        if (PerGenre is < 1 or > 10000) throw new AlchemyException($"--per-genre must be 1..10000 (got {PerGenre})");
        if (!(Seconds is >= 2 and <= 600)) throw new AlchemyException($"--seconds must be 2..600 (got {Seconds})");
        if (SampleRate is < 8000 or > 96000) throw new AlchemyException($"--sr must be 8000..96000 Hz (got {SampleRate})");
        if (MaxParallelism is < 1) throw new AlchemyException($"--jobs must be >= 1 (got {MaxParallelism})");
        if (EffectiveGenres.Count == 0) throw new AlchemyException("--genres: at least one genre is required");
        foreach (var g in EffectiveGenres) GenreCatalog.Get(g);
        if (EffectiveGenres.Distinct().Count() != EffectiveGenres.Count) throw new AlchemyException("--genres: a genre is listed twice");
        if (EffectiveLanguages.Count == 0) throw new AlchemyException("--languages: at least one language is required");
        foreach (var l in EffectiveLanguages) LyricsBank.For(l);
        if (EffectiveLanguages.Distinct().Count() != EffectiveLanguages.Count) throw new AlchemyException("--languages: a language is listed twice");
        if (EffectiveVoices.Count == 0) throw new AlchemyException("--voices: at least one voice variant is required");
        foreach (var v in EffectiveVoices)
            if (v.Length < 2 || v[0] is not ('m' or 'f') || !v[1..].All(char.IsAsciiDigit))
                throw new AlchemyException($"--voices: '{v}' is not an espeak-ng variant like m3 or f2");
        return this;
    }
}
