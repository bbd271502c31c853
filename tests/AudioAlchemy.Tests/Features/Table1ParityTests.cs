using System.Text.Json;
using AudioAlchemy.Features;
using Xunit.Abstractions;

namespace AudioAlchemy.Tests.Features;

/// <summary>
/// The Table-1 summary against librosa's summary.json (y.npy as input) with the acceptance tolerances of the fixture
/// README: |g - r| ≤ tol · max(1, |r|) with duration 1e-3, ZCR/RMS 1e-4, tempo 1e-3, f0 6e-4, freq_e 1e-6 (same
/// bins); MFCC mean/std |g - r| ≤ 1e-2 + 1e-4 |r|; same key tonic and mode. Moments are computed from the same
/// float32 samples in double, so they get 1e-9 relative (summation-order noise only).
/// </summary>
public class Table1ParityTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Clips => new()
    {
        { "reference", "trumpet" }, { "reference", "nutcracker" }, { "reference", "brahms" },
        { "reference_nondefault", "trumpet_sr16k" }, { "reference_nondefault", "nutcracker10_sr16k" },
    };

    [Theory]
    [MemberData(nameof(Clips))]
    public void Summary_MatchesLibrosa(string folder, string clip)
    {
        string dir = Path.Combine(TestData.Root, folder, clip);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        using var pars = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "params.json")));
        var p = pars.RootElement.GetProperty("params");
        var options = new Table1Options(p.GetProperty("sr").GetDouble(), p.GetProperty("n_fft").GetInt32(), p.GetProperty("hop_length").GetInt32(),
            p.GetProperty("n_mels").GetInt32(), p.GetProperty("fmin").GetDouble(),
            p.GetProperty("fmax").ValueKind == JsonValueKind.Null ? null : p.GetProperty("fmax").GetDouble(), p.GetProperty("n_mfcc").GetInt32());
        var y = AudioAlchemy.Audio.Npy.Read(Path.Combine(dir, "y.npy")).ToFloat();
        var s = new Table1Extractor(options).Compute(y);
        var r = summary.RootElement;

        void Check(string name, double? got, double tol, bool relOnly = false)
        {
            double exp = r.GetProperty(name).GetDouble();
            Assert.NotNull(got);
            double err = Math.Abs(got!.Value - exp), bound = tol * (relOnly ? Math.Abs(exp) : Math.Max(1, Math.Abs(exp)));
            output.WriteLine($"{name}: {got:R} vs {exp:R} (|diff| {err:E2}, bound {bound:E2})");
            Assert.True(err <= bound, $"{name}: {got} vs librosa {exp}");
        }
        Check("duration_s", s.DurationS, 1e-3);
        Check("fundamental_freq", s.FundamentalFreq, 6e-4);
        Check("freq_e_1", s.FreqE1, 1e-6);
        Check("freq_e_2", s.FreqE2, 1e-6);
        Check("freq_e_3", s.FreqE3, 1e-6);
        Check("zero_crossing_rate", s.ZeroCrossingRate, 1e-4);
        Check("rms_energy", s.RmsEnergy, 1e-4);
        Check("tempo", s.Tempo, 1e-3);
        Check("y_mean", s.YMean, 1e-9, relOnly: true);
        Check("y_variance", s.YVariance, 1e-9, relOnly: true);
        Check("y_skewness", s.YSkewness, 1e-9, relOnly: true);
        Check("y_kurtosis", s.YKurtosis, 1e-9, relOnly: true);
        Assert.Equal(r.GetProperty("voiced_frames").GetInt32(), s.VoicedFrames);
        Assert.Equal(r.GetProperty("frames").GetInt32(), s.Frames);
        var key = r.GetProperty("key");
        Assert.NotNull(s.Key);
        Assert.Equal(key.GetProperty("name").GetString(), s.Key!.Name);
        Assert.True(Math.Abs(key.GetProperty("correlation").GetDouble() - s.Key.Correlation) < 1e-3, $"key r {s.Key.Correlation}");
        var mm = r.GetProperty("mfcc_mean").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var ms = r.GetProperty("mfcc_std").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(mm.Length, s.MfccMean.Length);
        double worst = 0;
        for (int i = 0; i < mm.Length; i++)
        {
            double e1 = Math.Abs(s.MfccMean[i]!.Value - mm[i]), e2 = Math.Abs(s.MfccStd[i]!.Value - ms[i]);
            worst = Math.Max(worst, Math.Max(e1, e2));
            Assert.True(e1 <= 1e-2 + 1e-4 * Math.Abs(mm[i]), $"mfcc_mean[{i}] {s.MfccMean[i]} vs {mm[i]}");
            Assert.True(e2 <= 1e-2 + 1e-4 * Math.Abs(ms[i]), $"mfcc_std[{i}] {s.MfccStd[i]} vs {ms[i]}");
        }
        output.WriteLine($"mfcc worst |diff| {worst:E2}; key {s.Key.Name} r={s.Key.Correlation:F6}");
    }
}
