using TorchSharp;
using System.Globalization;
using System.Text.Json;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// A trained CNN ready to predict: mel in dB (n_mels, frames) → sliding crops → softmax → mean over crops (voting).
/// <see cref="Save"/> writes <c>model.bin</c> (TorchSharp weights) and <c>model.json</c> (<see cref="CnnMetadata"/>)
/// into a folder atomically; <see cref="Load"/> rebuilds the network from the metadata and loads the weights.
/// </summary>
public sealed class CnnClassifier : IDisposable
{
    /// <summary>Weights file name inside a model folder.</summary>
    public const string WeightsFile = "model.bin";

    /// <summary>Metadata file name inside a model folder.</summary>
    public const string MetadataFile = "model.json";

    /// <summary>Wraps a trained network and its metadata.</summary>
    public CnnClassifier(MelCnn model, CnnMetadata metadata)
    {
        Model = model;
        Metadata = metadata.Validate("CNN metadata");
        if (model.Architecture != metadata.Architecture) throw new AlchemyException("CNN: the network's architecture differs from the metadata's");
    }

    /// <summary>Builds the classifier of a training run.</summary>
    public static CnnClassifier FromTraining(CnnTrainResult result, MelCropDataset train, MelParams mel, CnnTrainOptions options, string task = "genre") =>
        new(result.Model, new CnnMetadata(1, task, train.Classes.ToArray(), result.Model.Architecture, train.Image, mel, train.CropFrames,
            options.HopFor(train.CropFrames), options, result.BestEpoch, result.History.ToArray(), DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture)));

    /// <summary>The network (eval mode).</summary>
    public MelCnn Model { get; }

    /// <summary>The metadata.</summary>
    public CnnMetadata Metadata { get; }

    /// <summary>Class names in probability order.</summary>
    public IReadOnlyList<string> Classes => Metadata.Classes;

    /// <summary>Class probabilities (classes) of one track's mel in dB, shape (n_mels, frames), averaged over its crops.</summary>
    public float[] PredictProba(float[,] melDb) => PredictProba([melDb])[0];

    /// <summary>Class probabilities, shape (tracks, classes), of several mels in dB, each (n_mels, frames).</summary>
    public float[][] PredictProba(IReadOnlyList<float[,]> melsDb)
    {
        if (melsDb.Count == 0) return [];
        for (int i = 0; i < melsDb.Count; i++)
            if (melsDb[i].GetLength(0) != Metadata.Mel.NMels)
                throw new AlchemyException($"CNN predict: mel {i} has {melsDb[i].GetLength(0)} bands, the model expects {Metadata.Mel.NMels}");
        var tracks = melsDb.Select((m, i) => new MelTrack($"input{i}", Classes[0], null, m)).ToList();
        var data = new MelCropDataset(tracks, Classes, Metadata.Image, Metadata.CropFrames);
        return CropEvaluator.Evaluate(Model, data, Metadata.EvalHop).Probabilities;
    }

    /// <summary>Penultimate-layer embedding and class probabilities of one track's mel in dB, shape (n_mels, frames), averaged over its crops.</summary>
    public TrackEmbedding Embed(float[,] melDb)
    {
        if (melDb.GetLength(0) != Metadata.Mel.NMels)
            throw new AlchemyException($"CNN embed: the mel has {melDb.GetLength(0)} bands, the model expects {Metadata.Mel.NMels}");
        var data = new MelCropDataset([new MelTrack("input", Classes[0], null, melDb)], Classes, Metadata.Image, Metadata.CropFrames);
        return CropEmbedder.Embed(Model, data, Metadata.EvalHop)[0];
    }

    /// <summary>Class probabilities of an audio file, its mel computed by <paramref name="extractor"/> with the model's <see cref="CnnMetadata.Mel"/> parameters.</summary>
    public float[] PredictAudio(string audioPath, MelExtractor extractor) => PredictProba(extractor(audioPath, Metadata.Mel));

    /// <summary>Writes <c>model.bin</c> and <c>model.json</c> into <paramref name="folder"/> (replaced as a whole).</summary>
    public void Save(string folder)
    {
        string full = Path.GetFullPath(folder);
        string tmp = full.TrimEnd(Path.DirectorySeparatorChar) + $".tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(tmp);
        try
        {
            Model.save(Path.Combine(tmp, WeightsFile));
            File.WriteAllText(Path.Combine(tmp, MetadataFile), JsonSerializer.Serialize(Metadata, CnnMetadata.Json));
            if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
            Directory.Move(tmp, full);
        }
        catch
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
            throw;
        }
    }

    /// <summary>Loads a model folder written by <see cref="Save"/>.</summary>
    /// <exception cref="AlchemyException">Missing folder or file, or unreadable/inconsistent metadata; names the file.</exception>
    public static CnnClassifier Load(string folder)
    {
        string meta = Path.Combine(folder, MetadataFile), weights = Path.Combine(folder, WeightsFile);
        if (!File.Exists(meta)) throw new AlchemyException($"{meta}: CNN metadata not found (is {folder} a model folder?)");
        if (!File.Exists(weights)) throw new AlchemyException($"{weights}: CNN weights not found");
        CnnMetadata m;
        try { m = JsonSerializer.Deserialize<CnnMetadata>(File.ReadAllText(meta), CnnMetadata.Json) ?? throw new JsonException("empty document"); }
        catch (JsonException e) { throw new AlchemyException($"{meta}: not valid CNN metadata ({e.Message})"); }
        if (m.FormatVersion != 1) throw new AlchemyException($"{meta}: unsupported metadata format version {m.FormatVersion}");
        m.Validate(meta);
        var model = new MelCnn(m.Architecture);
        try { model.load(weights); }
        catch (Exception e) when (e is not AlchemyException)
        {
            model.Dispose();
            throw new AlchemyException($"{weights}: cannot load CNN weights ({e.Message})", e);
        }
        model.to(TorchRuntime.Device);
        model.eval();
        return new CnnClassifier(model, m);
    }

    /// <summary>Frees the network's tensors.</summary>
    public void Dispose() => Model.Dispose();
}
