namespace AudioAlchemy.Audio;

/// <summary>Level statistics of a signal over all channels.</summary>
/// <param name="Duration">Seconds.</param>
/// <param name="Peak">Largest absolute sample.</param>
/// <param name="Rms">Root mean square over all samples of all channels.</param>
public sealed record SignalStats(double Duration, double Peak, double Rms)
{
    /// <summary>Peak in dB relative to full scale (−∞ for silence).</summary>
    public double PeakDb => 20 * Math.Log10(Peak);

    /// <summary>RMS in dB relative to full scale (−∞ for silence).</summary>
    public double RmsDb => 20 * Math.Log10(Rms);

    /// <summary>Computes the statistics of <paramref name="signal"/> (double accumulation).</summary>
    public static SignalStats Of(AudioSignal signal)
    {
        double peak = 0, sum = 0;
        long n = 0;
        foreach (var ch in signal.Channels)
        {
            foreach (var v in ch)
            {
                double a = Math.Abs(v);
                if (a > peak) peak = a;
                sum += (double)v * v;
            }
            n += ch.Length;
        }
        return new SignalStats(signal.Duration, peak, n == 0 ? 0 : Math.Sqrt(sum / n));
    }
}
