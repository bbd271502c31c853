using AudioAlchemy.Audio;

namespace AudioAlchemy.Corpus;

/// <summary>
/// Automated sanity checks of songs with stems, usable on a whole corpus instead of listening: the vocal stem sounds
/// in a reasonable share of frames, the accompaniment is not silent, the mixture equals vocals + accompaniment and
/// does not clip. Frames are 2048 samples with hop 512 (librosa's defaults) at the files' native rate.
/// </summary>
public static class StemChecker
{
    /// <summary>Frame level (dBFS RMS) above which a stem counts as sounding.</summary>
    public const double ActiveDb = -50;

    /// <summary>Allowed max |mixture − (vocals + accompaniment)| (sum in float32): the demo corpus's float32 files sum exactly (0);
    /// 16-bit files can differ by about 1.5 LSB (5e-5), so 1e-4 accepts both.</summary>
    public const double SumTolerance = 1e-4;

    private const int FrameLength = Dsp.Defaults.NFft, Hop = Dsp.Defaults.HopLength;

    /// <summary>Measures one row (which must have both stems).</summary>
    /// <exception cref="AlchemyException">A file cannot be read.</exception>
    public static StemStats Measure(ManifestRow row)
    {
        if (!row.HasStems) throw new AlchemyException($"row {row.RowNumber} ({row.Id}) has no vocals/accompaniment stems");
        var mix = AudioFile.Load(row.Path, sr: null, mono: true);
        var voc = AudioFile.Load(row.VocalsPath!, sr: null, mono: true);
        var acc = AudioFile.Load(row.AccompanimentPath!, sr: null, mono: true);
        if (mix.SampleRate != voc.SampleRate || mix.SampleRate != acc.SampleRate)
            throw new AlchemyException($"row {row.RowNumber} ({row.Id}): sample rates differ (mixture {mix.SampleRate}, vocals {voc.SampleRate}, accompaniment {acc.SampleRate} Hz)");
        float[] m = mix.Samples, v = voc.Samples, a = acc.Samples;
        int n = Math.Min(m.Length, Math.Min(v.Length, a.Length));
        double maxErr = m.Length == v.Length && v.Length == a.Length ? 0 : double.PositiveInfinity, peak = 0;
        for (int i = 0; i < n; i++)
        {
            maxErr = Math.Max(maxErr, Math.Abs(m[i] - (v[i] + a[i]))); // in float32, like the mixer: 0 for our corpus
            peak = Math.Max(peak, Math.Abs(m[i]));
        }
        int frames = n < FrameLength ? 1 : 1 + (n - FrameLength) / Hop;
        double active = Math.Pow(10, ActiveDb / 10);
        int vActive = 0, aActive = 0;
        double vEnergyActive = 0, vEnergy = 0, aEnergyAtV = 0;
        for (int f = 0; f < frames; f++)
        {
            int s = f * Hop, e = Math.Min(n, s + FrameLength);
            double ev = 0, ea = 0;
            for (int i = s; i < e; i++) { ev += (double)v[i] * v[i]; ea += (double)a[i] * a[i]; }
            int len = Math.Max(1, e - s);
            vEnergy += ev;
            if (ev / len > active) { vActive++; vEnergyActive += ev; aEnergyAtV += ea; }
            if (ea / len > active) aActive++;
        }
        double accEnergy = 0;
        for (int i = 0; i < n; i++) accEnergy += (double)a[i] * a[i];
        return new StemStats(row,
            (double)vActive / frames,
            vEnergy > 0 ? vEnergyActive / vEnergy : 0,
            vEnergyActive > 0 && aEnergyAtV > 0 ? 10 * Math.Log10(vEnergyActive / aEnergyAtV) : double.NegativeInfinity,
            10 * Math.Log10(Math.Max(accEnergy / Math.Max(1, n), 1e-20)),
            (double)aActive / frames,
            maxErr, peak);
    }

    /// <summary>The problems <paramref name="s"/> shows (empty when the song passes).</summary>
    public static IEnumerable<ManifestProblem> Problems(StemStats s)
    {
        var r = s.Row;
        ManifestProblem P(string msg) => new(r.RowNumber, r.Id, ManifestProblemKind.StemCheck, msg, false);
        if (s.VocalActiveFraction < 0.15) yield return P($"vocal stem sounds in only {s.VocalActiveFraction:P0} of frames");
        if (s.VocalEnergyInVoicedFrames < 0.99) yield return P($"only {s.VocalEnergyInVoicedFrames:P1} of the vocal energy is in voiced frames (noise floor?)");
        if (!(s.VocalToAccompanimentDb is > -12 and < 15)) yield return P($"vocal-to-accompaniment ratio {s.VocalToAccompanimentDb:0.0} dB is implausible");
        if (s.AccompanimentRmsDb < -45 || s.AccompanimentActiveFraction < 0.5)
            yield return P($"accompaniment nearly silent ({s.AccompanimentRmsDb:0.0} dBFS, sounding in {s.AccompanimentActiveFraction:P0} of frames)");
        if (!(s.MaxSumError <= SumTolerance)) yield return P($"mixture differs from vocals + accompaniment by up to {s.MaxSumError:G3} (tolerance {SumTolerance:G3}; or lengths differ)");
        if (s.MixturePeak > 1.0) yield return P($"mixture clips (peak {s.MixturePeak:0.000})");
    }
}
