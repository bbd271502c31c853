namespace AudioAlchemy.Dsp;

/// <summary>librosa's unit conversions (<c>librosa.core.convert</c>; named Units to avoid clashing with System.Convert): Hz ↔ mel (Slaney and HTK), octaves, MIDI, FFT/mel/tempo frequency grids, frames ↔ time.</summary>
public static class Units
{
    private const double FSp = 200.0 / 3;                  // Slaney: Hz per mel below 1 kHz
    private const double MinLogHz = 1000.0;                // start of the log region
    private const double MinLogMel = MinLogHz / FSp;       // = 15
    private static readonly double LogStep = Math.Log(6.4) / 27.0;

    /// <summary><c>hz_to_mel(f, htk)</c>: Slaney (linear below 1 kHz, log above) or HTK <c>2595·log10(1 + f/700)</c>.</summary>
    public static double HzToMel(double hz, bool htk = false)
    {
        if (htk) return 2595.0 * Math.Log10(1.0 + hz / 700.0);
        return hz >= MinLogHz ? MinLogMel + Math.Log(hz / MinLogHz) / LogStep : hz / FSp;
    }

    /// <summary><c>mel_to_hz(m, htk)</c>, the inverse of <see cref="HzToMel"/>.</summary>
    public static double MelToHz(double mel, bool htk = false)
    {
        if (htk) return 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);
        return mel >= MinLogMel ? MinLogHz * Math.Exp(LogStep * (mel - MinLogMel)) : FSp * mel;
    }

    /// <summary><c>fft_frequencies(sr, n_fft)</c> = <c>np.fft.rfftfreq(n_fft, 1/sr)</c>: k / (n_fft · (1/sr)), length 1 + n_fft/2.</summary>
    public static double[] FftFrequencies(double sr = Defaults.SampleRate, int nFft = Defaults.NFft)
    {
        double val = 1.0 / (nFft * (1.0 / sr));
        var f = new double[nFft / 2 + 1];
        for (int k = 0; k < f.Length; k++) f[k] = k * val;
        return f;
    }

    /// <summary><c>np.linspace(start, stop, num)</c> with numpy's arithmetic (i·step + start, last element = stop).</summary>
    public static double[] Linspace(double start, double stop, int num, bool endpoint = true)
    {
        var y = new double[Math.Max(0, num)];
        if (num == 0) return y;
        int div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : double.NaN;
        for (int i = 0; i < num; i++) y[i] = div > 0 ? i * step + start : start;
        if (endpoint && num > 1) y[num - 1] = stop;
        return y;
    }

    /// <summary><c>mel_frequencies(n_mels, fmin, fmax, htk)</c>: n_mels points evenly spaced on the mel scale, in Hz.</summary>
    public static double[] MelFrequencies(int nMels = Defaults.NMels, double fmin = 0.0, double fmax = 11025.0, bool htk = false)
    {
        var mels = Linspace(HzToMel(fmin, htk), HzToMel(fmax, htk), nMels);
        for (int i = 0; i < mels.Length; i++) mels[i] = MelToHz(mels[i], htk);
        return mels;
    }

    /// <summary><c>hz_to_octs(f, tuning, bins_per_octave)</c>: log2(f / (A440·2^(tuning/bpo) / 16)).</summary>
    public static double HzToOcts(double hz, double tuning = 0.0, int binsPerOctave = 12)
    {
        double a440 = 440.0 * Math.Pow(2.0, tuning / binsPerOctave);
        return Math.Log2(hz / (a440 / 16));
    }

    /// <summary><c>hz_to_midi(f)</c> = 12·(log2(f) − log2(440)) + 69.</summary>
    public static double HzToMidi(double hz) => 12 * (Math.Log2(hz) - Math.Log2(440.0)) + 69;

    /// <summary><c>midi_to_hz(m)</c> = 440·2^((m − 69)/12).</summary>
    public static double MidiToHz(double midi) => 440.0 * Math.Pow(2.0, (midi - 69) / 12.0);

    /// <summary><c>time_to_frames(t, sr, hop_length)</c> = floor(int(t·sr) / hop).</summary>
    public static int TimeToFrames(double seconds, double sr = Defaults.SampleRate, int hopLength = Defaults.HopLength)
        => (int)Math.Floor((double)(long)(seconds * sr) / hopLength);

    /// <summary><c>frames_to_time(frames, sr, hop_length)</c> = frames·hop/sr seconds.</summary>
    public static double FramesToTime(int frame, double sr = Defaults.SampleRate, int hopLength = Defaults.HopLength) => (double)frame * hopLength / sr;

    /// <summary><c>tempo_frequencies(n_bins, hop_length, sr)</c>: BPM of each autocorrelation lag; lag 0 = +∞, lag k = 60·sr/(hop·k).</summary>
    public static double[] TempoFrequencies(int nBins, int hopLength = Defaults.HopLength, double sr = Defaults.SampleRate)
    {
        var f = new double[nBins];
        if (nBins > 0) f[0] = double.PositiveInfinity;
        for (int k = 1; k < nBins; k++) f[k] = 60.0 * sr / (hopLength * (double)k);
        return f;
    }
}
