using AudioAlchemy.Corpus.Synth;

namespace AudioAlchemy.Tests.Corpus;

public class SynthPartsTests
{
    [Theory]
    [InlineData(0L, new byte[] { 0x00 })]
    [InlineData(0x40L, new byte[] { 0x40 })]
    [InlineData(0x80L, new byte[] { 0x81, 0x00 })]
    [InlineData(0x3FFFL, new byte[] { 0xFF, 0x7F })]
    [InlineData(0x200000L, new byte[] { 0x81, 0x80, 0x80, 0x00 })]
    [InlineData(0x0FFFFFFFL, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void VariableLengthQuantityMatchesTheSmfSpec(long value, byte[] expected)
    {
        var bytes = new List<byte>();
        SmfWriter.WriteVarLen(bytes, value);
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void SmfHasHeaderConductorAndOneTrackPerChannelWithBalancedNotes()
    {
        var song = new MidiSong(480, 120, 4) { LengthTicks = 1920 };
        song.Programs[0] = 25;
        song.Add(0, 0, 480, 60, 100);
        song.Add(0, 0, 480, 64, 100);
        song.Add(9, 240, 60, 36, 100);
        song.Add(9, 3000, 60, 36, 100); // after the end: dropped
        var b = SmfWriter.ToBytes(song);
        Assert.Equal("MThd"u8.ToArray(), b[..4]);
        Assert.Equal(new byte[] { 0, 0, 0, 6, 0, 1, 0, 3, 0x01, 0xE0 }, b[4..14]);
        var tracks = ReadTracks(b);
        Assert.Equal(3, tracks.Count);
        Assert.Contains(tracks[0], e => e.Status == 0xFF && e.Data[0] == 0x51); // tempo
        int on0 = tracks[1].Count(e => (e.Status & 0xF0) == 0x90), off0 = tracks[1].Count(e => (e.Status & 0xF0) == 0x80);
        Assert.Equal((2, 2), (on0, off0));
        Assert.Equal(1, tracks[2].Count(e => e.Status == 0x99));
        Assert.All(tracks, t => Assert.Equal(1920, t.Sum(e => e.Delta)));
    }

    [Fact]
    public void ChordsParseFromRomanNumerals()
    {
        Assert.Equal(new Chord(10, [0, 4, 7], "bVII"), Chord.Parse("bVII"), ChordComparer);
        Assert.Equal(new Chord(2, [0, 3, 7, 10], "ii7"), Chord.Parse("ii7"), ChordComparer);
        Assert.Equal(new Chord(7, [0, 4, 7, 10], "V7"), Chord.Parse("V7"), ChordComparer);
        Assert.Equal(new Chord(2, [0, 3, 6, 10], "iiø"), Chord.Parse("iiø"), ChordComparer);
        Assert.Equal(new Chord(0, [0, 7, 12], "i5"), Chord.Parse("i5"), ChordComparer);
        Assert.Throws<ParameterException>(() => Chord.Parse("X7"));
        Assert.Throws<ParameterException>(() => Chord.Parse("Vsus"));
        Assert.Equal(new[] { 45, 48, 52 }, Chord.Parse("vi").Voicing(48, 40)); // A minor above E2 in C
    }

    [Fact]
    public void EveryGenreProgressionParsesAndEveryArtistIsStable()
    {
        foreach (var g in GenreCatalog.Names.Select(GenreCatalog.Get))
        {
            foreach (var p in g.MajorProgressions.Concat(g.MinorProgressions)) Assert.NotEmpty(Chord.ParseProgression(p));
            for (int a = 0; a < g.ArtistNames.Length; a++) Assert.Equal(ArtistStyle.For(g, a), ArtistStyle.For(g, a));
        }
    }

    [Fact]
    public void SeededRandomIsReproducibleAndStreamsDiffer()
    {
        var a = new SeededRandom(SeededRandom.Derive(1, 5));
        var b = new SeededRandom(SeededRandom.Derive(1, 5));
        var c = new SeededRandom(SeededRandom.Derive(1, 6));
        var xa = Enumerable.Range(0, 100).Select(_ => a.NextULong()).ToArray();
        Assert.Equal(xa, Enumerable.Range(0, 100).Select(_ => b.NextULong()).ToArray());
        Assert.NotEqual(xa, Enumerable.Range(0, 100).Select(_ => c.NextULong()).ToArray());
        var r = new SeededRandom(7);
        var counts = new int[10];
        for (int i = 0; i < 10000; i++) counts[r.Next(10)]++;
        Assert.All(counts, n => Assert.InRange(n, 850, 1150));
    }

    [Fact]
    public void ArrangementCoversTheSongAndUsesDrumsOnlyWhereTheGenreHasThem()
    {
        var plans = CorpusPlanner.Plan(new SynthOptions("x", PerGenre: 2, Seconds: 12));
        foreach (var plan in plans)
        {
            var artist = ArtistStyle.For(GenreCatalog.Get(plan.Genre), plan.ArtistIndex);
            var arr = Arranger.Arrange(plan, artist, new SeededRandom(plan.Seed));
            Assert.True(arr.Midi.LengthTicks * arr.Midi.SecondsPerTick >= plan.Seconds, plan.Id);
            Assert.Equal(plan.Genre != "classical", arr.Midi.Notes.Any(n => n.Channel == 9));
            Assert.Contains(arr.Midi.Notes, n => n.Channel == 1);
            Assert.Contains(arr.Midi.Notes, n => n.Channel == 0);
            var again = Arranger.Arrange(plan, artist, new SeededRandom(plan.Seed));
            Assert.Equal(SmfWriter.ToBytes(arr.Midi), SmfWriter.ToBytes(again.Midi));
            var phrases = MelodyWriter.Write(plan, arr, new SeededRandom(plan.Seed));
            Assert.NotEmpty(phrases);
            Assert.All(phrases, p => Assert.True(p.StartSeconds + p.MaxSeconds <= plan.Seconds, plan.Id));
            int[] scale = plan.Minor ? [0, 2, 3, 5, 7, 8, 10] : [0, 2, 4, 5, 7, 9, 11];
            Assert.All(phrases.SelectMany(p => p.Notes), k => Assert.Contains(((k - plan.Tonic) % 12 + 12) % 12, scale));
        }
    }

    [Fact]
    public void MixerKeepsStemsSummingToMixtureAndNeverClips()
    {
        int n = 44100;
        var v = new float[n];
        var a = new float[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = (float)(0.9 * Math.Sin(i * 0.05));
            if (i > n / 2) v[i] = (float)(0.3 * Math.Sin(i * 0.13));
        }
        foreach (double ratio in new[] { -3.0, 0.0, 6.0 })
        {
            var m = Mixer.Mix(v, a, n, ratio, 22050);
            for (int i = 0; i < n; i++) Assert.Equal(m.Mixture[i], m.Vocals[i] + m.Accompaniment[i]);
            Assert.True(m.Mixture.Max(Math.Abs) <= Mixer.PeakLimit + 1e-6);
            double sv = 0, sa = 0;
            for (int i = n / 2 + 1; i < n - 22050 / 2; i++) { sv += m.Vocals[i] * (double)m.Vocals[i]; sa += m.Accompaniment[i] * (double)m.Accompaniment[i]; }
            Assert.InRange(10 * Math.Log10(sv / sa), ratio - 0.5, ratio + 0.5);
        }
        Assert.Throws<AlchemyException>(() => Mixer.Mix(v, new float[n], n, 0, 22050));
    }

    [Fact]
    public void FloatWavRoundTripsExactlyAndIsReproducible()
    {
        using var dir = TestData.TempDir();
        var y = TestData.Sine(440, 22050, 0.5).Select((s, i) => s * (float)(i % 7) / 3).ToArray();
        string p = dir.File("x.wav");
        FloatWav.Write(p, y, 22050);
        var (back, sr) = AudioAlchemy.Audio.AudioFile.Load(p, sr: null);
        Assert.Equal(22050, sr);
        Assert.Equal(y, back);
        Assert.Equal(File.ReadAllBytes(p), FloatWav.Encode(y, 22050));
    }

    [Fact]
    public void OptionsAreValidatedWithTheOptionNamed()
    {
        Assert.Contains("--per-genre", Assert.Throws<AlchemyException>(() => new SynthOptions("o", PerGenre: 0).Validate()).Message);
        Assert.Contains("--seconds", Assert.Throws<AlchemyException>(() => new SynthOptions("o", Seconds: 1).Validate()).Message);
        Assert.Contains("polka", Assert.Throws<AlchemyException>(() => new SynthOptions("o", Genres: ["polka"]).Validate()).Message);
        Assert.Contains("xx", Assert.Throws<AlchemyException>(() => new SynthOptions("o", Languages: ["xx"]).Validate()).Message);
        Assert.Contains("--voices", Assert.Throws<AlchemyException>(() => new SynthOptions("o", Voices: ["croak"]).Validate()).Message);
    }

    private static readonly IEqualityComparer<Chord> ChordComparer = EqualityComparer<Chord>.Create(
        (x, y) => x != null && y != null && x.Root == y.Root && x.Intervals.SequenceEqual(y.Intervals), c => c.Root);

    private sealed record Ev(long Delta, byte Status, byte[] Data);

    private static List<List<Ev>> ReadTracks(byte[] b)
    {
        var tracks = new List<List<Ev>>();
        int pos = 14;
        while (pos < b.Length)
        {
            Assert.Equal("MTrk"u8.ToArray(), b[pos..(pos + 4)]);
            int len = (b[pos + 4] << 24) | (b[pos + 5] << 16) | (b[pos + 6] << 8) | b[pos + 7];
            int p = pos + 8, end = p + len;
            var evs = new List<Ev>();
            while (p < end)
            {
                long delta = 0;
                byte c;
                do { c = b[p++]; delta = (delta << 7) | (uint)(c & 0x7F); } while ((c & 0x80) != 0);
                byte status = b[p++];
                byte[] data;
                if (status == 0xFF) { int l = b[p + 1]; data = b[p..(p + 2 + l)]; p += 2 + l; }
                else if ((status & 0xF0) is 0xC0 or 0xD0) { data = b[p..(p + 1)]; p += 1; }
                else { data = b[p..(p + 2)]; p += 2; }
                evs.Add(new Ev(delta, status, data));
            }
            Assert.Equal(end, p);
            tracks.Add(evs);
            pos = end;
        }
        return tracks;
    }
}
