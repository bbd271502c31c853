using System.Collections.Concurrent;
using System.Text.Json;
using AudioAlchemy.Audio;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// One librosa fixture folder (tests/data/reference/&lt;clip&gt; with default parameters, or
/// tests/data/reference_nondefault/&lt;clip&gt; with sr 16000, n_fft 1024, hop 256, n_mels 64, fmin 30, fmax 7600,
/// n_mfcc 20) with its parameters read from params.json and librosa's own y.npy as input, so feature parity is
/// tested independently of decoding/resampling (that is tested in Audio/).
/// </summary>
public sealed class FeatureFixture
{
    private static readonly ConcurrentDictionary<string, FeatureFixture> Cache = new();

    /// <summary>Every fixture folder: three default-parameter clips and two non-default ones.</summary>
    public static TheoryData<string> All => new() { "trumpet", "nutcracker", "brahms", "trumpet_sr16k", "nutcracker10_sr16k" };

    private FeatureFixture(string clip)
    {
        Clip = clip;
        Dir = clip.Contains("_sr") ? Path.Combine(TestData.Root, "reference_nondefault", clip) : TestData.Reference(clip);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "params.json")));
        var p = doc.RootElement.GetProperty("params");
        Sr = p.GetProperty("sr").GetDouble();
        NFft = p.GetProperty("n_fft").GetInt32();
        Hop = p.GetProperty("hop_length").GetInt32();
        NMels = p.GetProperty("n_mels").GetInt32();
        Fmin = p.GetProperty("fmin").GetDouble();
        Fmax = p.GetProperty("fmax").ValueKind == JsonValueKind.Null ? null : p.GetProperty("fmax").GetDouble();
        NMfcc = p.GetProperty("n_mfcc").GetInt32();
        Tuning = p.GetProperty("chroma_tuning_estimated").GetDouble();
        Y = Npy("y").ToFloat();
    }

    public static FeatureFixture Get(string clip) => Cache.GetOrAdd(clip, c => new FeatureFixture(c));

    public string Clip { get; }
    public string Dir { get; }
    public double Sr { get; }
    public int NFft { get; }
    public int Hop { get; }
    public int NMels { get; }
    public double Fmin { get; }
    public double? Fmax { get; }
    public int NMfcc { get; }
    public double Tuning { get; }
    public float[] Y { get; }

    public StftOptions Stft => new(NFft, Hop);
    public MelOptions Mel => new(Sr, NMels, Fmin, Fmax);

    /// <summary>A fresh context (contexts are not thread-safe, tests run in parallel).</summary>
    public SpectralContext Context() => new(Y, Sr, Stft);

    public NpyArray Npy(string name) => AudioAlchemy.Audio.Npy.Read(Path.Combine(Dir, name + ".npy"));
}

/// <summary>Error measures for parity tests.</summary>
public static class Parity
{
    /// <summary>max |a − e| over all elements (shapes must agree in element count).</summary>
    public static double MaxAbs(NpyArray expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        double w = 0;
        for (int i = 0; i < actual.Length; i++) w = Math.Max(w, Math.Abs(actual[i] - expected.Data[i]));
        return w;
    }

    public static double MaxAbs(NpyArray expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        double w = 0;
        for (int i = 0; i < actual.Length; i++) w = Math.Max(w, Math.Abs(actual[i] - expected.Data[i]));
        return w;
    }

    public static double MaxAbsValue(NpyArray a) => a.Data.Max(Math.Abs);

    public static void Shape(NpyArray expected, Matrix actual)
    {
        Assert.Equal(2, expected.Shape.Length);
        Assert.Equal(expected.Shape[0], actual.Rows);
        Assert.Equal(expected.Shape[1], actual.Cols);
    }
}
