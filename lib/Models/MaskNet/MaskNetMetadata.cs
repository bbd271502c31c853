using System.Text.Json;
using System.Text.Json.Serialization;

namespace AudioAlchemy.Models.MaskNet;

/// <summary>
/// Everything needed to reuse a saved mask network (<c>model.json</c> beside the weights <c>model.bin</c>): network
/// shape, the STFT it was trained with, the training settings, the SHA-256 of the training manifest, the split and the
/// learning curve.
/// </summary>
/// <param name="FormatVersion">Metadata format version (currently 1).</param>
/// <param name="Architecture">Network shape.</param>
/// <param name="Stft">Sample rate, n_fft and hop of the spectrogram the network reads.</param>
/// <param name="Training">Training settings (null when unknown, e.g. an untrained test model).</param>
/// <param name="ManifestSha256">SHA-256 (hex) of the training manifest file's bytes.</param>
/// <param name="ManifestPath">The training manifest as given on the command line (informative).</param>
/// <param name="TrainSongs">Songs in the training part.</param>
/// <param name="ValidationSongs">Songs in the validation part.</param>
/// <param name="BestEpoch">Epoch whose weights were saved.</param>
/// <param name="History">Per-epoch learning curve.</param>
/// <param name="CreatedUtc">ISO-8601 time of saving.</param>
/// <param name="InitializedFrom">Warm start: the model the weights started from (its weights' SHA-256 and best epoch), null when trained from scratch.</param>
/// <param name="WienerPower">The mask sharpening p this model separates with by default (<see cref="LearnedSeparatorOptions.WienerPower"/>),
/// chosen on a corpus it was neither trained nor evaluated on; null = 1 (the network's ratio mask).</param>
public sealed record MaskNetMetadata(
    int FormatVersion,
    MaskNetArchitecture Architecture,
    MaskNetStft Stft,
    MaskNetTrainOptions? Training,
    string ManifestSha256,
    string ManifestPath,
    int TrainSongs,
    int ValidationSongs,
    int BestEpoch,
    MaskNetEpoch[] History,
    string CreatedUtc,
    string? InitializedFrom = null,
    double? WienerPower = null)
{
    /// <summary>JSON options: indented, enums as names, NaN allowed.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Checks consistency (bins of the network vs the STFT); <paramref name="where"/> names the file in errors.</summary>
    public MaskNetMetadata Validate(string where)
    {
        if (FormatVersion != 1) throw new AlchemyException($"{where}: unsupported mask-net metadata format version {FormatVersion}");
        try
        {
            Stft.Validate();
            Architecture.Validate();
        }
        catch (AlchemyException e) { throw new AlchemyException($"{where}: {e.Message}"); }
        if (Architecture.Bins != Stft.Bins) throw new AlchemyException($"{where}: network has {Architecture.Bins} bins, n_fft {Stft.NFft} gives {Stft.Bins}");
        if (WienerPower is { } w && (!(w > 0) || w > 8)) throw new AlchemyException($"{where}: WienerPower must be in (0, 8], got {w}");
        return this;
    }
}
