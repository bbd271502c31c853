using AudioAlchemy.Audio;
using AudioAlchemy.Audio.Native;

namespace AudioAlchemy.Tests.Audio;

public class StreamingLoadTests
{
    /// <summary>
    /// A 3-minute 44.1 kHz stereo file loaded as 22050 Hz mono must not materialise the native-rate signal:
    /// allocations stay well below the size of the decoded native data (44100 × 2 ch × 4 B × 180 s ≈ 63.5 MB).
    /// </summary>
    [Fact]
    public void LongFile_ResampledMonoLoad_DoesNotHoldNativeRateCopy()
    {
        using var dir = TestData.TempDir();
        const int sr = 44100, seconds = 180;
        var l = TestData.Sine(220, sr, seconds, 0.3);
        var r = TestData.Sine(330, sr, seconds, 0.3);
        var path = dir.File("long.wav");
        AudioFile.Save(path, new AudioSignal([l, r], sr));
        l = r = null!;
        GC.Collect();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var (y, outSr) = AudioFile.Load(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(22050, outSr);
        Assert.Equal(22050 * seconds, y.Length);
        long nativeBytes = (long)sr * 2 * 4 * seconds;
        Assert.True(allocated < nativeBytes * 0.75, $"allocated {allocated / 1e6:0.0} MB, native data is {nativeBytes / 1e6:0.0} MB");
    }

    [Fact]
    public void MissingNativeLibrary_SaysWhatToInstall()
    {
        var e = Assert.Throws<NativeLibraryMissingException>(() => NativeLibraries.Load("alchemy-no-such-lib"));
        Assert.Contains("alchemy-no-such-lib", e.Message);
        Assert.Contains("apt-get install libsndfile1", NativeLibraries.InstallHint(NativeLibraries.SndFile));
        Assert.Contains("sndfile.dll", NativeLibraries.InstallHint(NativeLibraries.SndFile));
        Assert.Contains("brew install libsoxr", NativeLibraries.InstallHint(NativeLibraries.Soxr));
    }
}
