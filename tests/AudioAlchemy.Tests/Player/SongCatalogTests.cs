using AudioAlchemy.Corpus;
using AudioAlchemy.Player;

namespace AudioAlchemy.Tests.Player;

public sealed class SongCatalogTests
{
    [Theory]
    [InlineData("blues_000", "blues_000")]
    [InlineData("../../etc/passwd", "_._.._etc_passwd")]
    [InlineData("..", "_.")]
    [InlineData("a b/c\\d%2e", "a_b_c_d_2e")]
    [InlineData("  ", "song")]
    [InlineData("café", "caf_")]
    public void Ids_are_url_safe_and_never_dot_segments(string id, string safe) => Assert.Equal(safe, SongCatalog.SafeId(id));

    [Fact]
    public void Duplicate_ids_get_a_suffix_and_lookups_are_exact()
    {
        var c = new SongCatalog("test", [new ManifestRow(1, "a", "/x/a.wav"), new ManifestRow(2, "a", "/x/b.wav"), new ManifestRow(3, "A", "/x/c.wav")]);
        Assert.Equal(["a", "a-2", "A"], c.Songs.Select(s => s.Id));
        Assert.Equal("/x/b.wav", c.Find("a-2")!.Row.Path);
        Assert.Null(c.Find("a-3"));
        Assert.Null(c.Find("/x/a.wav"));
    }

    [Fact]
    public void Arguments_are_a_manifest_or_audio_files_and_bad_ones_are_named()
    {
        using var dir = TestData.TempDir();
        File.WriteAllText(dir.File("one.wav"), "x");
        File.WriteAllText(dir.File("m.csv"), "id,path,genre\ns1,one.wav,rock\n");
        Assert.Equal("s1", SongCatalog.FromArguments([dir.File("m.csv")], "unused").Songs.Single().Id);
        Assert.Equal("one", SongCatalog.FromArguments([dir.File("one.wav")], "unused").Songs.Single().Id);
        Assert.Equal("s1", SongCatalog.FromArguments([], dir.File("m.csv")).Songs.Single().Id);
        Assert.Contains("does not exist", Assert.Throws<AlchemyException>(() => SongCatalog.FromArguments([dir.File("nope.wav")], "unused")).Message);
        Assert.Contains("alchemy corpus synth", Assert.Throws<AlchemyException>(() => SongCatalog.FromArguments([], dir.File("none.csv"))).Message);
        Assert.Contains("is a manifest", Assert.Throws<AlchemyException>(() => SongCatalog.FromArguments([dir.File("one.wav"), dir.File("m.csv")], "unused")).Message);
    }

    [Fact]
    public void Options_are_validated() =>
        Assert.Contains("--port", Assert.Throws<AlchemyException>(() => new PlayerOptions("cache", Port: 70000).Validate()).Message);
}

public sealed class PlayerLayeringTests
{
    [Fact]
    public void The_library_references_neither_AspNetCore_nor_Playwright()
    {
        var refs = typeof(AlchemyException).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("TorchSharp", refs);
        // Microsoft.AspNetCore.Html.Abstractions is IHtmlContent, a NuGet dependency of the notebook formatter, not the web stack
        Assert.DoesNotContain(refs, r => (r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && r != "Microsoft.AspNetCore.Html.Abstractions")
            || r.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal) || r.StartsWith("Microsoft.Playwright", StringComparison.Ordinal));
        var player = typeof(AudioAlchemy.Player.PlayerServer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains(player, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
