using System.Text.Json;
using System.Text.Json.Serialization;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Everything needed to reuse a saved CNN (<c>model.json</c> beside the weights <c>model.bin</c>): classes, image
/// mode, mel parameters, crop length, architecture, training settings and learning curve.
/// </summary>
/// <param name="FormatVersion">Metadata format version (currently 1).</param>
/// <param name="Task">What the classes are, e.g. "genre" or "language".</param>
/// <param name="Classes">Class names in output order.</param>
/// <param name="Architecture">Network shape.</param>
/// <param name="Image">dB → image mapping (grey/viridis, scaling).</param>
/// <param name="Mel">Feature parameters of the input mel.</param>
/// <param name="CropFrames">Crop length in frames.</param>
/// <param name="EvalHop">Hop between prediction crops in frames.</param>
/// <param name="Training">Training settings (null when unknown).</param>
/// <param name="BestEpoch">Epoch whose weights were saved.</param>
/// <param name="History">Per-epoch learning curve.</param>
/// <param name="CreatedUtc">ISO-8601 time of saving.</param>
public sealed record CnnMetadata(
    int FormatVersion,
    string Task,
    string[] Classes,
    CnnArchitecture Architecture,
    MelImageOptions Image,
    MelParams Mel,
    int CropFrames,
    int EvalHop,
    CnnTrainOptions? Training,
    int BestEpoch,
    EpochStats[] History,
    string CreatedUtc)
{
    /// <summary>JSON options: indented, enums as names, NaN allowed (epochs without validation).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Checks consistency (classes vs architecture, crop vs network depth).</summary>
    public CnnMetadata Validate(string where)
    {
        if (Classes.Length != Architecture.Classes) throw new AlchemyException($"{where}: {Classes.Length} class names but the network has {Architecture.Classes} outputs");
        if (Architecture.InChannels != Image.Channels) throw new AlchemyException($"{where}: image mode {Image.Mode} has {Image.Channels} channels, the network {Architecture.InChannels}");
        if (CropFrames < Architecture.MinInputSize || Mel.NMels < Architecture.MinInputSize || EvalHop < 1)
            throw new AlchemyException($"{where}: crop {Mel.NMels}×{CropFrames} (hop {EvalHop}) is too small for {Architecture.ConvBlocks} blocks");
        Architecture.Validate();
        Image.Validate();
        Mel.Validate();
        return this;
    }
}
