namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// The idiom of one genre: the ranges a song of this genre is drawn from. Artists (<see cref="ArtistStyle"/>) pick a
/// fixed sub-style from these ranges; songs then vary inside the artist's style.
/// </summary>
/// <param name="Name">Genre label as written to manifests (lower case).</param>
/// <param name="TempoMin">Slowest tempo in BPM.</param>
/// <param name="TempoMax">Fastest tempo in BPM.</param>
/// <param name="Meters">Beats per bar the genre uses (repeat an entry to make it more likely).</param>
/// <param name="SwingMin">Least swing: position of the off-beat eighth as a fraction of the beat (0.5 = straight).</param>
/// <param name="SwingMax">Most swing (0.67 = triplet feel).</param>
/// <param name="MinorProbability">Chance that a song is in a minor key.</param>
/// <param name="MajorProgressions">Roman-numeral progressions for major keys, one chord per bar.</param>
/// <param name="MinorProgressions">Progressions for minor keys.</param>
/// <param name="DrumPatterns">Drum bars to choose from (none = no drums).</param>
/// <param name="BassStyles">Bass line styles to choose from.</param>
/// <param name="CompStyles">Comping styles to choose from.</param>
/// <param name="CompPrograms">General-MIDI programs (0-based) for the harmony instrument.</param>
/// <param name="BassPrograms">General-MIDI programs for the bass.</param>
/// <param name="LayerPrograms">Programs for the optional third layer (pads, horns, fiddle...).</param>
/// <param name="Density">0..1: how busy the arrangement is (third-layer chance, ghost notes, fills).</param>
/// <param name="ArtistNames">Names of the fixed artists (style presets) of this genre.</param>
public sealed record GenreStyle(
    string Name,
    int TempoMin,
    int TempoMax,
    int[] Meters,
    double SwingMin,
    double SwingMax,
    double MinorProbability,
    string[] MajorProgressions,
    string[] MinorProgressions,
    DrumPattern[] DrumPatterns,
    BassStyle[] BassStyles,
    CompStyle[] CompStyles,
    int[] CompPrograms,
    int[] BassPrograms,
    int[] LayerPrograms,
    double Density,
    string[] ArtistNames);
