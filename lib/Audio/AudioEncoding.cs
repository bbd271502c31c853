namespace AudioAlchemy.Audio;

/// <summary>Output sample formats for <see cref="AudioFile.Save(string, AudioSignal, SaveOptions?)"/>.</summary>
public enum AudioEncoding
{
    /// <summary>WAV, unsigned 8-bit PCM.</summary>
    Pcm8,
    /// <summary>WAV, 16-bit PCM (the default for .wav).</summary>
    Pcm16,
    /// <summary>WAV, 24-bit PCM.</summary>
    Pcm24,
    /// <summary>WAV, 32-bit PCM.</summary>
    Pcm32,
    /// <summary>WAV, 32-bit IEEE float.</summary>
    Float32,
    /// <summary>FLAC, 16-bit.</summary>
    Flac16,
    /// <summary>OGG/Vorbis.</summary>
    OggVorbis,
    /// <summary>MPEG-1/2 Layer III at a constant bitrate.</summary>
    Mp3,
}

/// <summary>How to write an audio file.</summary>
/// <param name="Encoding">Sample format; null = chosen from the extension (.wav → PCM 16, .flac, .ogg, .mp3).</param>
/// <param name="BitrateKbps">MP3 constant bitrate in kbit/s (32…320).</param>
public sealed record SaveOptions(AudioEncoding? Encoding = null, int BitrateKbps = 192);
