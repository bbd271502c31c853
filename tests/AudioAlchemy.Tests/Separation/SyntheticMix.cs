namespace AudioAlchemy.Tests.Separation;

/// <summary>Generated mixtures with a known answer: a repeating drum + chord loop (accompaniment) and a non-repeating glide (vocals).</summary>
public static class SyntheticMix
{
    /// <summary>A one-second loop (noise-burst drums on each beat, two alternating three-note chords) repeated to fill
    /// <paramref name="seconds"/>, and a sine gliding from 300 to 900 Hz with vibrato over the whole length.</summary>
    public static (float[] Vocals, float[] Accompaniment, float[] Mixture) LoopAndGlide(int sr, double seconds, int seed = 7, double vocalGain = 0.25)
    {
        int n = (int)(sr * seconds);
        var loop = Loop(sr, seed);
        var acc = new float[n];
        for (int i = 0; i < n; i++) acc[i] = loop[i % loop.Length];
        var voc = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++)
        {
            double t = (double)i / sr;
            double hz = 300 + 600 * t / seconds + 8 * Math.Sin(2 * Math.PI * 5.5 * t);
            phase += 2 * Math.PI * hz / sr;
            voc[i] = (float)(vocalGain * (Math.Sin(phase) + 0.4 * Math.Sin(2 * phase) + 0.2 * Math.Sin(3 * phase)));
        }
        var mix = new float[n];
        for (int i = 0; i < n; i++) mix[i] = voc[i] + acc[i];
        return (voc, acc, mix);
    }

    private static float[] Loop(int sr, int seed)
    {
        var rng = new Random(seed);
        var loop = new float[sr];
        int beat = sr / 4;
        for (int b = 0; b < 4; b++)
            for (int i = 0; i < beat / 2; i++)
                loop[b * beat + i] += (float)(0.4 * (rng.NextDouble() * 2 - 1) * Math.Exp(-i / (0.02 * sr)));
        double[][] chords = [[130.81, 164.81, 196.00], [110.00, 130.81, 164.81]];
        for (int i = 0; i < sr; i++)
        {
            var chord = chords[i < sr / 2 ? 0 : 1];
            double t = (double)i / sr;
            foreach (var hz in chord) loop[i] += (float)(0.12 * Math.Sin(2 * Math.PI * hz * t));
        }
        return loop;
    }
}
