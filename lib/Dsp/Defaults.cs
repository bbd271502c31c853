namespace AudioAlchemy.Dsp;

/// <summary>librosa 0.11's keyword defaults, in one place. Every API defaults to these; never repeat the literals.</summary>
public static class Defaults
{
    /// <summary>Sample rate, Hz (<c>sr=22050</c>).</summary>
    public const int SampleRate = 22050;

    /// <summary>FFT size (<c>n_fft=2048</c>); also the frame length of frame-wise features.</summary>
    public const int NFft = 2048;

    /// <summary>Hop length in samples (<c>hop_length=512</c>).</summary>
    public const int HopLength = 512;

    /// <summary>Mel bands (<c>n_mels=128</c>).</summary>
    public const int NMels = 128;

    /// <summary>MFCC coefficients the study uses (librosa's own default is 20).</summary>
    public const int NMfcc = 13;

    /// <summary>librosa's own <c>feature.mfcc(n_mfcc=20)</c> default (the study passes <see cref="NMfcc"/>).</summary>
    public const int NMfccLibrosa = 20;

    /// <summary>Lowest pitch for pyin/yin in the study: note C2 in Hz.</summary>
    public const double PitchFmin = 65.40639132514966;

    /// <summary>Highest pitch for pyin/yin in the study: note C7 in Hz.</summary>
    public const double PitchFmax = 2093.004522404789;

    /// <summary><c>power_to_db</c> floor (<c>amin=1e-10</c>).</summary>
    public const double Amin = 1e-10;

    /// <summary><c>power_to_db</c> dynamic range (<c>top_db=80</c>).</summary>
    public const double TopDb = 80.0;
}
