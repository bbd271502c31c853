using AudioAlchemy.Audio;
using AudioAlchemy.Experiments;
using AudioAlchemy.Models.Cnn;
using AudioAlchemy.Studies;
using Microsoft.Data.Analysis;

namespace AudioAlchemy.Tests.Experiments;

/// <summary>The Q1 study's CNN rows: mels of each row's audio, cross-validated on the other models' folds.</summary>
[Collection("Torch")]
public class Q1CnnTests
{
    [Fact]
    public void CnnRows_LearnTheLanguageFromTheAudio_AndNameTracksWithoutAudio()
    {
        using var dir = TestData.TempDir();
        var noise = new Random(3);
        var ids = new List<string>(); var langs = new List<string>(); var artists = new List<string>(); var paths = new List<string>();
        for (int i = 0; i < 24; i++)
        {
            string lang = i % 2 == 0 ? "lo" : "hi";
            double hz = (lang == "lo" ? 300 : 2500) * (1 + 0.02 * (i / 2));
            var y = TestData.Sine(hz, 22050, 1.5).Select(v => 0.5f * v + 0.05f * (float)(noise.NextDouble() - 0.5)).ToArray();
            string path = dir.File($"t{i}.wav");
            AudioFile.Save(path, y, 22050);
            ids.Add($"t{i}"); langs.Add(lang); artists.Add($"a{i / 4}"); paths.Add(path);
        }
        paths[5] = dir.File("missing.wav");
        var df = new DataFrame(new StringDataFrameColumn("track_id", ids), new StringDataFrameColumn("track_type", ids.Select(_ => "0")),
            new StringDataFrameColumn("language", langs), new StringDataFrameColumn("artist", artists), new StringDataFrameColumn("path", paths),
            new DoubleDataFrameColumn("x", ids.Select(_ => noise.NextDouble())));
        var cnn = new Q1Cnn(new CnnTrackOptions(new CnnTrainOptions(Epochs: 15, Patience: 100, LearningRate: 0.01, CropsPerTrack: 16, Augment: AugmentOptions.None, Seed: 0, Threads: 1),
            ConvBlocks: 2, BaseChannels: 4, CropFrames: 16, ValidationFraction: 0), new MelParams(NMels: 32), dir.File("cache"));
        var r = Q1Study.Run(df, new StudyOptions(dir.File("out"), Seed: 0, Degree: 1, Png: false, Folds: 3), models: [], settings: new Q1Settings(Cnn: cnn));
        var rows = r.Summary.Rows.Where(x => (string)x[2]! == "CNN").ToList();
        Assert.Equal(["stratified", "grouped_by_artist"], rows.Select(x => TidyTable.Format(x[0])));
        Assert.All(rows, x => Assert.True((double)x[9]! > 0.8, $"{x[0]} CNN macro-F1 {x[9]}"));
        Assert.Contains(r.Notes, n => n.Contains("t5") && n.Contains("left out of the CNN's scoring"));
        Assert.NotEmpty(Directory.GetFiles(dir.File("cache/mels"), "*.npy", SearchOption.AllDirectories));
        // only the named ablations get CNN rows
        var vocalOnly = Q1Study.Run(df, new StudyOptions(dir.File("out2"), Seed: 0, Degree: 1, Png: false, Folds: 3), models: [AudioAlchemy.Models.ModelSpec.Parse("logreg")],
            settings: new Q1Settings(Cnn: cnn with { Ablations = ["vocal"] }));
        Assert.DoesNotContain(vocalOnly.Summary.Rows, x => (string)x[2]! == "CNN");
        Assert.Contains(vocalOnly.Summary.Rows, x => (string)x[2]! == "LogReg");
    }

    [Fact]
    public void CnnRows_NeedAPathColumn()
    {
        using var dir = TestData.TempDir();
        var df = SyntheticFeatures.Table(tracks: 30, artists: 6, seed: 2);
        var cnn = new Q1Cnn(new CnnTrackOptions(), new MelParams(), dir.File("mels"));
        var r = Q1Study.Run(df, new StudyOptions(dir.File("out"), Png: false, Folds: 3, Degree: 1), models: [AudioAlchemy.Models.ModelSpec.Parse("logreg")], settings: new Q1Settings(Cnn: cnn));
        Assert.Throws<AlchemyException>(() => Q1CnnRows.Mels(df, new StudyColumns(), ["x"], "0", cnn, _ => { }));
        Assert.DoesNotContain(r.Summary.Rows, x => (string)x[2]! == "CNN");
    }
}
