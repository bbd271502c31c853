using AudioAlchemy.Separation;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>Scores a separator on songs with true stems: the first seconds of each, museval-v4 SDR medians over songs.</summary>
public static class StemValidation
{
    /// <summary>Median vocals and accompaniment SDR (dB) of <paramref name="separator"/> on the first <paramref name="seconds"/> of each song (mixture = vocals + accompaniment).</summary>
    public static (double Vocals, double Accompaniment) MedianSdr(ISeparator separator, IReadOnlyList<StemSong> songs, int sampleRate, double seconds)
    {
        var voc = new List<double>();
        var acc = new List<double>();
        foreach (var s in songs)
        {
            int n = Math.Min(s.Length, (int)(seconds * sampleRate));
            var v = s.Vocals.AsSpan(0, n).ToArray();
            var a = s.Accompaniment.AsSpan(0, n).ToArray();
            var mix = new float[n];
            for (int i = 0; i < n; i++) mix[i] = v[i] + a[i];
            var est = separator.Separate(mix, sampleRate);
            var sc = StemScores.Of(v, a, est.Vocals, est.Accompaniment, sampleRate);
            voc.Add(sc.VocalsSdr);
            acc.Add(sc.AccompanimentSdr);
        }
        return (BssEvalV4.NanMedian(voc), BssEvalV4.NanMedian(acc));
    }
}
