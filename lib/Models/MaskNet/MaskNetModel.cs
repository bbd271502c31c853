using System.Globalization;
using System.Reflection;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;
using AudioAlchemy.Models.Cnn;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// A mask network and its metadata. <see cref="Save"/> writes <c>model.bin</c> (TorchSharp weights) and
/// <c>model.json</c> (<see cref="MaskNetMetadata"/>) into a folder, replaced as a whole; <see cref="Load"/> reads such a
/// folder; <see cref="LoadShipped"/> reads the model embedded in the library (trained on the seed-7 corpus, see
/// docs/separation.md).
/// </summary>
public sealed class MaskNetModel : IDisposable
{
    /// <summary>Weights file name inside a model folder.</summary>
    public const string WeightsFile = "model.bin";

    /// <summary>Metadata file name inside a model folder.</summary>
    public const string MetadataFile = "model.json";

    /// <summary>Resource-name prefix of the shipped model (models/separator/ in the repository).</summary>
    public const string ShippedResource = "AudioAlchemy.models.separator.";

    /// <summary>Wraps a network and its metadata (the network's kind must match the metadata's).</summary>
    public MaskNetModel(nn.Module<Tensor, Tensor> network, MaskNetMetadata metadata)
    {
        Network = network;
        Metadata = metadata.Validate("mask-net metadata");
        bool kindOk = metadata.Architecture.Kind == MaskNetKind.Blstm ? network is BlstmMaskNet : network is UNetMaskNet;
        if (!kindOk) throw new AlchemyException($"mask net: the network ({network.GetType().Name}) differs from the metadata's {metadata.Architecture.Kind}");
    }

    /// <summary>The network.</summary>
    public nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>The metadata.</summary>
    public MaskNetMetadata Metadata { get; }

    /// <summary>SHA-256 (hex) of the weights file this model was loaded from; null for a model built in memory.</summary>
    public string? WeightsSha256 { get; private init; }

    /// <summary>Trainable parameters of the network.</summary>
    public long ParameterCount => Network.parameters().Sum(p => p.numel());

    /// <summary>An untrained model of <paramref name="architecture"/> (weights from torch's current random state).</summary>
    public static MaskNetModel Untrained(MaskNetArchitecture architecture, MaskNetStft stft) =>
        new(architecture.Build(), new MaskNetMetadata(1, architecture, stft, null, "", "", 0, 0, 0, [], DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture)));

    /// <summary>Writes <c>model.bin</c> and <c>model.json</c> into <paramref name="folder"/> (replaced as a whole).</summary>
    public void Save(string folder)
    {
        string full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        string tmp = full + $".tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(tmp);
        try
        {
            Network.save(Path.Combine(tmp, WeightsFile));
            File.WriteAllText(Path.Combine(tmp, MetadataFile), JsonSerializer.Serialize(Metadata, MaskNetMetadata.Json));
            if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
            Directory.Move(tmp, full);
        }
        catch
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
            throw;
        }
    }

    /// <summary>Loads a model folder written by <see cref="Save"/> (eval mode, on <see cref="TorchRuntime.Device"/>).</summary>
    /// <exception cref="AlchemyException">Missing folder or file, unreadable or inconsistent metadata, weights that do not fit; names the file.</exception>
    public static MaskNetModel Load(string folder)
    {
        string meta = Path.Combine(folder, MetadataFile), weights = Path.Combine(folder, WeightsFile);
        if (!File.Exists(meta)) throw new AlchemyException($"{meta}: mask-net metadata not found (is {folder} a model folder written by `separate train`?)");
        if (!File.Exists(weights)) throw new AlchemyException($"{weights}: mask-net weights not found");
        using var w = new MemoryStream(File.ReadAllBytes(weights), writable: false);
        return FromStreams(File.ReadAllText(meta), w, meta, weights);
    }

    /// <summary>The model shipped inside the library (cached bytes; a fresh network per call, so each worker owns one).</summary>
    public static MaskNetModel LoadShipped()
    {
        var (json, bin) = Shipped.Value;
        using var w = new MemoryStream(bin, writable: false);
        return FromStreams(json, w, "shipped model.json", "shipped model.bin");
    }

    /// <summary>The word that stands for the shipped model where a model folder is asked for (<c>--model shipped,DIR</c>,
    /// <c>separate train --init shipped</c>); compared ignoring case.</summary>
    public const string ShippedName = "shipped";

    /// <summary>True when <paramref name="folder"/> is <see cref="ShippedName"/>.</summary>
    public static bool IsShippedName(string folder) => folder.Equals(ShippedName, StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="LoadShipped"/> for <see cref="ShippedName"/>, else <see cref="Load"/> of the folder.</summary>
    public static MaskNetModel LoadFolderOrShipped(string folder) => IsShippedName(folder) ? LoadShipped() : Load(folder);

    /// <summary>The metadata of the shipped model, without building the network.</summary>
    public static MaskNetMetadata ShippedMetadata => Parse(Shipped.Value.Json, "shipped model.json");

    private static readonly Lazy<(string Json, byte[] Bin)> Shipped = new(() =>
    {
        var asm = typeof(MaskNetModel).Assembly;
        return (new StreamReader(Open(asm, MetadataFile)).ReadToEnd(), ReadAll(Open(asm, WeightsFile)));
    });

    private static Stream Open(Assembly asm, string file) => asm.GetManifestResourceStream(ShippedResource + file)
        ?? throw new AlchemyException($"the shipped separator model ({ShippedResource}{file}) is missing from the library; build from a checkout with models/separator/");

    private static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        using (s) s.CopyTo(ms);
        return ms.ToArray();
    }

    private static MaskNetMetadata Parse(string json, string where)
    {
        MaskNetMetadata m;
        try { m = JsonSerializer.Deserialize<MaskNetMetadata>(json, MaskNetMetadata.Json) ?? throw new JsonException("empty document"); }
        catch (JsonException e) { throw new AlchemyException($"{where}: not valid mask-net metadata ({e.Message})"); }
        return m.Validate(where);
    }

    private static MaskNetModel FromStreams(string json, Stream weights, string metaName, string weightsName)
    {
        var m = Parse(json, metaName);
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(weights));
        weights.Position = 0;
        var net = m.Architecture.Build();
        try
        {
            using var reader = new BinaryReader(weights);
            net.load(reader);
        }
        catch (Exception e) when (e is not AlchemyException)
        {
            net.Dispose();
            throw new AlchemyException($"{weightsName}: cannot load mask-net weights ({e.Message})", e);
        }
        net.to(TorchRuntime.Device);
        net.eval();
        return new MaskNetModel(net, m) { WeightsSha256 = sha };
    }

    /// <summary>Frees the network's tensors.</summary>
    public void Dispose() => Network.Dispose();
}
