using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Everything that defines one synthetic song: its labels (the known truth written to the manifest) and the seed of
/// its private random stream. Two equal plans render to the same bytes; <see cref="ParametersHash"/> keys the resume
/// check.
/// </summary>
/// <param name="Index">Song number in the corpus (0-based), part of the seed derivation.</param>
/// <param name="Id">Manifest id, e.g. <c>blues_007</c>.</param>
/// <param name="Genre">Genre label.</param>
/// <param name="ArtistIndex">Artist preset number inside the genre.</param>
/// <param name="Artist">Artist name.</param>
/// <param name="Title">Song title.</param>
/// <param name="Language">espeak-ng language code of the vocals (label).</param>
/// <param name="Voice">espeak-ng voice variant, e.g. <c>f2</c>.</param>
/// <param name="Tonic">Tonic pitch class, 0 = C .. 11 = B.</param>
/// <param name="Minor">True for a minor key.</param>
/// <param name="TempoBpm">Tempo in quarter notes per minute.</param>
/// <param name="BeatsPerBar">Meter numerator (over 4).</param>
/// <param name="Progression">Roman-numeral progression, one chord per bar, looped.</param>
/// <param name="VocalRatioDb">Vocal-to-accompaniment level in dB (RMS over the sung part).</param>
/// <param name="Seed">The song's own random seed (derived from the corpus seed and <paramref name="Index"/>).</param>
/// <param name="Seconds">Duration of every output file.</param>
/// <param name="SampleRate">Sample rate of every output file in Hz.</param>
public sealed record SongPlan(int Index, string Id, string Genre, int ArtistIndex, string Artist, string Title, string Language,
    string Voice, int Tonic, bool Minor, int TempoBpm, int BeatsPerBar, string Progression, double VocalRatioDb, ulong Seed,
    double Seconds, int SampleRate)
{
    /// <summary>Bumped whenever the generator's output for the same plan changes (invalidates resumed songs).</summary>
    public const int GeneratorVersion = 1;

    private static readonly string[] PitchNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    /// <summary>Tonic name with sharps (C, C#, ... B): manifest column <c>key</c>.</summary>
    public string KeyName => PitchNames[Tonic];

    /// <summary><c>major</c> or <c>minor</c>: manifest column <c>mode</c>.</summary>
    public string Mode => Minor ? "minor" : "major";

    /// <summary>Pitch-class name for 0..11.</summary>
    public static string PitchName(int pc) => PitchNames[((pc % 12) + 12) % 12];

    /// <summary>Canonical text of every field plus <see cref="GeneratorVersion"/> (what the hash covers).</summary>
    public string Canonical() => string.Join('|', GeneratorVersion, Index, Id, Genre, ArtistIndex, Artist, Title, Language, Voice,
        Tonic, Minor, TempoBpm, BeatsPerBar, Progression, VocalRatioDb.ToString("R", CultureInfo.InvariantCulture), Seed,
        Seconds.ToString("R", CultureInfo.InvariantCulture), SampleRate);

    /// <summary>SHA-256 (hex) of <see cref="Canonical"/>; a finished song records it, and resume skips songs whose hash matches.</summary>
    public string ParametersHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));
}
