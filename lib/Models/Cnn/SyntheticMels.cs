namespace AudioAlchemy.Models.Cnn;

/// <summary>Options of <see cref="SyntheticMels"/>.</summary>
/// <param name="Classes">Number of classes.</param>
/// <param name="TracksPerClass">Tracks per class.</param>
/// <param name="NMels">Mel bands per track.</param>
/// <param name="Frames">Frames per track (1292 = 30 s at the defaults).</param>
/// <param name="ArtistsPerClass">Distinct groups (artists) per class; tracks of an artist share a small band offset.</param>
/// <param name="NoiseDb">Standard deviation of the Gaussian noise, dB.</param>
/// <param name="Seed">Random seed (same seed → same data).</param>
public sealed record SyntheticMelOptions(
    int Classes = 10,
    int TracksPerClass = 20,
    int NMels = CnnDefaults.NMels,
    int Frames = CnnDefaults.FramesPer30Seconds,
    int ArtistsPerClass = 5,
    float NoiseDb = 6f,
    int Seed = 0)
{
    /// <summary>Throws <see cref="AlchemyException"/> on out-of-range values.</summary>
    public SyntheticMelOptions Validate()
    {
        if (Classes < 2 || TracksPerClass < 1 || NMels < 8 || Frames < 1 || ArtistsPerClass < 1 || NoiseDb < 0)
            throw new AlchemyException($"synthetic mels: need classes ≥ 2, tracks ≥ 1, n_mels ≥ 8, frames ≥ 1, artists ≥ 1, noise ≥ 0 (got {this})");
        return this;
    }
}

/// <summary>
/// Synthetic "mel images" in dB for tests and speed measurements: each class has two characteristic frequency
/// bands (one pulsing with a class-specific period), each track shifts them by a few bands and a random gain, adds a
/// class-independent distractor band and Gaussian noise; values are clipped to [-80, 0] dB like
/// <c>power_to_db(ref=np.max, top_db=80)</c>. Deterministic for a seed.
/// </summary>
public sealed class SyntheticMels(SyntheticMelOptions options) : IMelSource
{
    private readonly SyntheticMelOptions _o = options.Validate();

    /// <inheritdoc />
    public MelParams Params { get; } = new(NMels: options.NMels);

    /// <inheritdoc />
    public IReadOnlyList<string> Skipped => [];

    /// <summary>Class names: "class00", "class01", ….</summary>
    public IReadOnlyList<string> ClassNames => Enumerable.Range(0, _o.Classes).Select(c => $"class{c:00}").ToArray();

    /// <inheritdoc />
    public IReadOnlyList<MelTrack> LoadTracks()
    {
        var rng = new Random(_o.Seed);
        var tracks = new List<MelTrack>(_o.Classes * _o.TracksPerClass);
        var names = ClassNames;
        for (int t = 0; t < _o.TracksPerClass; t++)
            for (int c = 0; c < _o.Classes; c++)
            {
                int artist = t % _o.ArtistsPerClass;
                var artistRng = new Random(unchecked(_o.Seed * 7919 + c * 104729 + artist * 15485863) & int.MaxValue);
                int artistShift = artistRng.Next(-1, 2);
                tracks.Add(new MelTrack($"{names[c]}-{t:000}", names[c], $"{names[c]}-artist{artist}", Make(c, artistShift, rng)));
            }
        return tracks;
    }

    private float[,] Make(int c, int artistShift, Random rng)
    {
        int m = _o.NMels, n = _o.Frames;
        var x = new float[m, n];
        double scale = m / 128.0;
        int shift = artistShift + rng.Next(-2, 3);
        int b1 = Clamp((int)((8 + 11 * (c % 11)) * scale) + shift, m);
        int b2 = Clamp((int)(((8 + 11 * c + 40 + 3 * c) % 120 + 4) * scale) + shift, m);
        int distractor = rng.Next(0, m);
        int period = 8 + 2 * (c % 12), phase = rng.Next(period);
        float gain = (float)(-10 * rng.NextDouble());
        for (int i = 0; i < m; i++)
        {
            float floor = -70f + 10f * i / m;
            float w1 = Bump(i, b1, 3 * scale), w2 = Bump(i, b2, 4 * scale), wd = Bump(i, distractor, 2 * scale);
            for (int j = 0; j < n; j++)
            {
                bool on = (j + phase) % period < period / 2;
                float db = floor + (on ? 60f * w1 : 15f * w1) + 45f * w2 + 35f * wd + gain + (float)(_o.NoiseDb * Gaussian(rng));
                x[i, j] = db > 0f ? 0f : db < -80f ? -80f : db;
            }
        }
        return x;
    }

    private static int Clamp(int b, int m) => Math.Clamp(b, 0, m - 1);

    private static float Bump(int i, int centre, double width) => (float)Math.Exp(-0.5 * Math.Pow((i - centre) / width, 2));

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
