namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Mixes vocals over the accompaniment at a vocal-to-accompaniment ratio, then normalises the loudness of the mix to
/// <see cref="TargetRmsDb"/> without clipping (peak at most <see cref="PeakLimit"/>). The same gains are applied to the
/// stems, so the stems add up to the mixture.
/// </summary>
public static class Mixer
{
    /// <summary>Target RMS level of the mixture in dBFS.</summary>
    public const double TargetRmsDb = -20;

    /// <summary>Largest allowed absolute sample of the mixture.</summary>
    public const double PeakLimit = 0.98;

    /// <summary>Length of the fade-out at the end of the song in seconds.</summary>
    public const double FadeOutSeconds = 0.5;

    /// <summary>Mixes; both inputs are cut or zero-padded to <paramref name="length"/> samples.</summary>
    /// <param name="vocals">Dry vocal track, shape (≥0,).</param>
    /// <param name="accompaniment">Rendered accompaniment, shape (≥0,).</param>
    /// <param name="length">Output length in samples.</param>
    /// <param name="vocalRatioDb">Vocal RMS (where the vocals sound) over accompaniment RMS (same samples), in dB.</param>
    /// <param name="sampleRate">Rate in Hz (for the fade-out).</param>
    /// <exception cref="AlchemyException">The accompaniment is silent.</exception>
    public static StemMix Mix(float[] vocals, float[] accompaniment, int length, double vocalRatioDb, int sampleRate)
    {
        var v = Fit(vocals, length);
        var a = Fit(accompaniment, length);
        int fade = Math.Min(length, (int)(FadeOutSeconds * sampleRate));
        for (int i = 0; i < fade; i++)
        {
            float g = (float)i / fade;
            v[length - 1 - i] *= g;
            a[length - 1 - i] *= g;
        }
        double sv = 0, sa = 0, saAll = 0;
        int active = 0;
        for (int i = 0; i < length; i++)
        {
            saAll += (double)a[i] * a[i];
            if (Math.Abs(v[i]) < 1e-4) continue;
            sv += (double)v[i] * v[i];
            sa += (double)a[i] * a[i];
            active++;
        }
        if (saAll <= 1e-12) throw new AlchemyException("accompaniment is silent (fluidsynth rendered no sound)");
        double vocalGain = 0;
        if (active > 0 && sv > 0)
        {
            double rmsA = Math.Sqrt(Math.Max(sa, 1e-12) / active), rmsV = Math.Sqrt(sv / active);
            vocalGain = Math.Pow(10, vocalRatioDb / 20) * rmsA / rmsV;
        }
        double sm = 0, peak = 0;
        for (int i = 0; i < length; i++)
        {
            double m = vocalGain * v[i] + a[i];
            sm += m * m;
            peak = Math.Max(peak, Math.Abs(m));
        }
        double gain = Math.Pow(10, TargetRmsDb / 20) / Math.Sqrt(sm / length);
        if (peak * gain > PeakLimit) gain = PeakLimit / peak;
        var vo = new float[length];
        var ao = new float[length];
        var mo = new float[length];
        for (int i = 0; i < length; i++)
        {
            vo[i] = (float)(gain * vocalGain * v[i]);
            ao[i] = (float)(gain * a[i]);
            mo[i] = vo[i] + ao[i];
        }
        return new StemMix(mo, vo, ao, gain);
    }

    private static float[] Fit(float[] y, int length)
    {
        var r = new float[length];
        Array.Copy(y, r, Math.Min(length, y.Length));
        return r;
    }
}
