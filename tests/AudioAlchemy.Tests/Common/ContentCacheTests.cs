using AudioAlchemy.Tests.Robustness;
using Xunit;

namespace AudioAlchemy.Tests.Common;

/// <summary>
/// The one content-addressed cache: same content and parameters give the same entry wherever the file lives; a changed
/// byte, parameter, version or stage gives another; FIFOs are refused before hashing; concurrent writers of one entry
/// leave one complete file.
/// </summary>
public sealed class ContentCacheTests
{
    private static string Write(TempDir dir, string name, byte[] bytes)
    {
        string p = dir.File(name);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    [Fact]
    public void SameContentAndParameters_GiveTheSamePath_InTheOneLayout()
    {
        using var dir = TestData.TempDir();
        byte[] bytes = [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))];
        string a = Write(dir, "a.bin", bytes), b = Write(dir, "copy-elsewhere.bin", bytes);
        var cache = new ContentCache(dir.File("cache"), "features", "v1");
        string pa = cache.PathForFile(a, "sr=22050", "json"), pb = cache.PathForFile(b, "sr=22050", ".json");
        Assert.Equal(pa, pb);
        string name = Path.GetFileNameWithoutExtension(pa);
        Assert.True(ContentKey.IsValid(name), name);
        Assert.Equal(Path.Combine(dir.File("cache"), "features", name[..2], name + ".json"), pa);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), ContentKey.OfFile(a));
        Assert.False(File.Exists(pa)); // nothing is created
        Assert.Equal(Path.Combine(dir.File("cache"), "features", name[..2], name), cache.PathFor(ContentKey.OfFile(a), "sr=22050", ""));
    }

    [Fact]
    public void ChangedByte_Parameter_Version_OrStage_GiveAnotherPath()
    {
        using var dir = TestData.TempDir();
        byte[] bytes = [.. Enumerable.Range(0, 4096).Select(i => (byte)i)];
        string a = Write(dir, "a.bin", bytes);
        bytes[2000] ^= 1;
        string b = Write(dir, "b.bin", bytes);
        string root = dir.File("cache");
        var v1 = new ContentCache(root, "mels", "v1");
        string basePath = v1.PathForFile(a, "n_mels=128", "npy");
        Assert.NotEqual(basePath, v1.PathForFile(b, "n_mels=128", "npy"));
        Assert.NotEqual(basePath, v1.PathForFile(a, "n_mels=64", "npy"));
        Assert.NotEqual(basePath, new ContentCache(root, "mels", "v2").PathForFile(a, "n_mels=128", "npy"));
        Assert.NotEqual(Path.GetFileName(basePath), Path.GetFileName(new ContentCache(root, "frames", "v1").PathForFile(a, "n_mels=128", "npy")));
    }

    [Fact]
    public void Canonical_IsOrderFree_Invariant_AndRefusesAmbiguousNames()
    {
        Assert.Equal("a=1;b=0.1;c=none;d=true", ContentCache.Canonical(("d", true), ("c", null), ("b", 0.1), ("a", 1)));
        Assert.Equal(ContentCache.Canonical(("x", 1.5), ("y", "s")), ContentCache.Canonical(("y", "s"), ("x", 1.5)));
        Assert.NotEqual(ContentCache.Canonical(("a", "x;b=y")), ContentCache.Canonical(("a", "x"), ("b", "y")));
        Assert.Equal(@"a=x\;b=y", ContentCache.Canonical(("a", "x;b=y")));
        Assert.Throws<ArgumentException>(() => ContentCache.Canonical(("a", 1), ("a", 2)));
        Assert.Throws<ArgumentException>(() => ContentCache.Canonical(("a;b", 1)));
        Assert.Throws<ArgumentException>(() => new ContentCache("root", "../up", "v1"));
        Assert.Throws<ArgumentException>(() => new ContentCache("root", "mels", ""));
        Assert.Throws<ArgumentException>(() => new ContentCache("root", "mels", "v1").PathFor("not-a-key", "", "npy"));
        Assert.Equal(ContentKey.OfText("x"), ContentKey.OfText("x"));
        Assert.NotEqual(ContentKey.OfText("x"), ContentKey.OfText("y"));
    }

    [Fact]
    public void AFifo_IsRefused_BeforeHashing()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = TestData.TempDir();
        string fifo = HostileInput.Fifo(dir, "pipe.wav");
        try
        {
            var e = HostileInput.Within(10, "hashing a FIFO", () => Assert.Throws<AlchemyException>(() => new ContentCache(dir.File("c"), "features", "v1").PathForFile(fifo, "", "json")));
            Assert.Contains("FIFO", e.Message);
            Assert.Throws<AlchemyException>(() => ContentKey.OfFile(dir.File("missing.wav")));
        }
        finally { HostileInput.Release(fifo); }
    }

    [Fact]
    public void ConcurrentWriters_LeaveOneValidFile()
    {
        using var dir = TestData.TempDir();
        var cache = new ContentCache(dir.File("cache"), "embeddings", "v1");
        string entry = cache.PathFor(ContentKey.OfText("song"), "model=m", "json");
        var payloads = Enumerable.Range(0, 16).Select(w => $"{{\"writer\":{w},\"data\":\"{new string((char)('a' + w), 200_000)}\"}}").ToArray();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => ContentCache.WriteAllText(entry, payloads[i % payloads.Length]));
        Assert.Contains(File.ReadAllText(entry), payloads);
        Assert.Equal([entry], Directory.GetFiles(Path.GetDirectoryName(entry)!, "*", SearchOption.AllDirectories)); // no temp file left
        Assert.Equal([Path.Combine(cache.Folder, Path.GetFileName(entry)[..2])], Directory.GetDirectories(cache.Folder));
    }
}
