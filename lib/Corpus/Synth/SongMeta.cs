namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// The per-song record written last to <c>meta/&lt;id&gt;.json</c>: the plan, its parameters hash (resume key) and
/// the vocal truth (when each lyric line is sung, with which notes and espeak settings).
/// </summary>
/// <param name="Id">Song id.</param>
/// <param name="ParametersHash">Hash of the plan (see <see cref="SongPlan.ParametersHash"/>).</param>
/// <param name="Plan">The plan.</param>
/// <param name="Key">Tonic name.</param>
/// <param name="Mode">major / minor.</param>
/// <param name="Phrases">Sung phrases.</param>
/// <param name="MixGain">Loudness gain applied to both stems.</param>
public sealed record SongMeta(string Id, string ParametersHash, SongPlan Plan, string Key, string Mode, IReadOnlyList<PhraseMeta> Phrases, double MixGain);

/// <summary>One sung phrase in <see cref="SongMeta"/>.</summary>
/// <param name="Start">Onset in seconds.</param>
/// <param name="End">End of the sung audio in seconds.</param>
/// <param name="Text">Lyric line.</param>
/// <param name="Notes">Melody MIDI keys, one per word.</param>
public sealed record PhraseMeta(double Start, double End, string Text, int[] Notes);
