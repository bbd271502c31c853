namespace AudioAlchemy.Audio;

/// <summary>Header facts about an audio file, read without decoding it.</summary>
/// <param name="Path">The file.</param>
/// <param name="SampleRate">Native sample rate in Hz.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="Frames">Frames (samples per channel) as the decoder reports them.</param>
/// <param name="Format">Container/codec description, e.g. "WAV PCM 16".</param>
public sealed record AudioInfo(string Path, int SampleRate, int Channels, long Frames, string Format)
{
    /// <summary>Duration in seconds (<c>Frames / SampleRate</c>).</summary>
    public double Duration => (double)Frames / SampleRate;
}
