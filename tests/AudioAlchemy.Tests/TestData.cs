using AudioAlchemy.Audio;

namespace AudioAlchemy.Tests;

/// <summary>Locates fixtures copied to the test output folder (tests/data → bin/.../data) and makes temp folders.</summary>
public static class TestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "data");

    public static string Reference(params string[] parts) => Path.Combine([Root, "reference", .. parts]);

    public static string Audio(string clip) => Reference("audio", clip + ".ogg");

    public static NpyArray Npy(string clip, string name) => AudioAlchemy.Audio.Npy.Read(Reference(clip, name + ".npy"));

    /// <summary>A new empty folder under the system temp directory, deleted by the caller's using.</summary>
    public static TempDir TempDir() => new();

    /// <summary>A sine of <paramref name="hz"/> Hz, amplitude <paramref name="amp"/>.</summary>
    public static float[] Sine(double hz, int sr, double seconds, double amp = 0.5, double phase = 0)
    {
        var y = new float[(int)(sr * seconds)];
        for (int i = 0; i < y.Length; i++) y[i] = (float)(amp * Math.Sin(2 * Math.PI * hz * i / sr + phase));
        return y;
    }
}

public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alchemy-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
