namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// The mel CNN as an <see cref="IFrameClassifier"/>, so the frame-model cross-validation (same folds as the table
/// models) can score it: each track is its mel spectrogram in dB given frame-major, shape (n_frames, n_mels). Fitting
/// holds out <see cref="CnnTrackOptions.ValidationFraction"/> of the training tracks (per class, seeded) for early stopping,
/// trains on the rest with random crops, and restores the best epoch; prediction votes (mean softmax) over sliding crops
/// of each track, as <c>alchemy predict</c> does. The inner hold-out is by track, not by artist (only early stopping sees
/// it). Deterministic for a seed and thread count.
/// </summary>
public sealed class CnnTrackClassifier(CnnTrackOptions? options = null) : IFrameClassifier, IDisposable
{
    private readonly CnnTrackOptions _o = (options ?? new CnnTrackOptions()).Validate();
    private MelCnn? _model;
    private string[] _classes = [];

    /// <inheritdoc/>
    public string Name => "CNN";

    /// <inheritdoc/>
    public void FitTracks(IReadOnlyList<float[][]> tracks, int[] y, int nClasses)
    {
        if (tracks.Count != y.Length) throw new AlchemyException($"CNN: {tracks.Count} tracks but {y.Length} labels");
        if (tracks.Count == 0) throw new AlchemyException("CNN: no training tracks");
        _classes = Enumerable.Range(0, nClasses).Select(ClassName).ToArray();
        var all = tracks.Select((t, i) => new MelTrack($"t{i}", ClassName(y[i]), null, BandMajor(t, i))).ToList();
        var t = _o.EffectiveTraining;
        int[] trainIdx = Enumerable.Range(0, all.Count).ToArray(), valIdx = [];
        if (_o.ValidationFraction > 0)
        {
            var split = TrackSplitter.Split(all, _o.ValidationFraction, 0, t.Seed, byGroup: false);
            if (split.Validation.Length > 0 && split.Train.Length > 0) (trainIdx, valIdx) = (split.Train, split.Validation);
        }
        var train = new MelCropDataset(trainIdx.Select(i => all[i]).ToList(), _classes, _o.EffectiveImage, _o.CropFrames);
        var val = valIdx.Length == 0 ? null : new MelCropDataset(valIdx.Select(i => all[i]).ToList(), _classes, _o.EffectiveImage, _o.CropFrames);
        var arch = new CnnArchitecture(train.Channels, nClasses, _o.ConvBlocks, _o.BaseChannels, _o.Dropout);
        _model?.Dispose();
        var result = new CnnTrainer(t).Fit(arch, train, val);
        _model = result.Model;
    }

    /// <inheritdoc/>
    public double[][] PredictTracksProba(IReadOnlyList<float[][]> tracks)
    {
        if (_model is null) throw new AlchemyException("CNN: predict before fit");
        if (tracks.Count == 0) return [];
        var data = new MelCropDataset(tracks.Select((t, i) => new MelTrack($"p{i}", _classes[0], null, BandMajor(t, i))).ToList(), _classes, _o.EffectiveImage, _o.CropFrames);
        return CropEvaluator.Evaluate(_model, data, _o.EffectiveTraining.HopFor(_o.CropFrames)).Probabilities
            .Select(p => p.Select(v => (double)v).ToArray()).ToArray();
    }

    /// <inheritdoc/>
    public void Dispose() => _model?.Dispose();

    private static string ClassName(int k) => k.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>(n_frames, n_mels) frame-major → (n_mels, n_frames) as <see cref="MelTrack"/> holds it.</summary>
    private static float[,] BandMajor(float[][] frames, int track)
    {
        if (frames.Length == 0) throw new AlchemyException($"CNN: track {track} has no frames");
        int bands = frames[0].Length;
        var mel = new float[bands, frames.Length];
        for (int j = 0; j < frames.Length; j++)
        {
            if (frames[j].Length != bands) throw new AlchemyException($"CNN: track {track} frame {j} has {frames[j].Length} bands, frame 0 has {bands}");
            for (int i = 0; i < bands; i++) mel[i, j] = frames[j][i];
        }
        return mel;
    }
}
