using System.CommandLine;
using AudioAlchemy.Models.MaskNet;
using AudioAlchemy.Separation;

namespace AudioAlchemy.Cli.Commands;

/// <summary>The options that choose and configure a separator, shared by <c>separate</c>, <c>separate eval</c> and <c>ablate</c>.</summary>
internal sealed class SeparatorArguments
{
    private static readonly RepetSimOptions D = new();

    public Option<string> Method { get; } = new("--method") { Description = "repet-sim (embedded, default), learned (TorchSharp mask network; the shipped model unless --model) or demucs (needs the demucs program); separate eval also takes ideal-mask, the oracle |V|^p/(|V|^p+|A|^p) from the true stems (p = --mask-power), the ceiling of any mask separator", DefaultValueFactory = _ => "repet-sim" };
    public Option<string?> Model { get; } = new("--model") { Description = "learned: model folder written by `separate train` (default: the model shipped in the library); several, comma-separated (`shipped` = the shipped one), form an ensemble that averages their masks" };
    public Option<int> IdealNFft { get; } = new("--n-fft") { Description = "ideal-mask: STFT size of the oracle mask (the learned separator's 1024)", DefaultValueFactory = _ => new IdealMaskSeparator().NFft };
    public Option<int> IdealHop { get; } = new("--hop-length") { Description = "ideal-mask: STFT hop", DefaultValueFactory = _ => new IdealMaskSeparator().HopLength };
    public Option<double?> WienerPower { get; } = new("--wiener-power") { Description = "learned: mask sharpening v^p/(v^p+a^p) (1 = the network's ratio mask; default: the model's own choice, model.json WienerPower, else 1)" };
    public Option<int> ChunkFrames { get; } = new("--chunk-frames") { Description = "learned: STFT frames per network call (bounded memory)", DefaultValueFactory = _ => new LearnedSeparatorOptions().ChunkFrames };
    public Option<string?> DemucsExe { get; } = new("--demucs-exe") { Description = $"demucs executable (default: ${DemucsOptions.EnvironmentVariable}, else demucs on PATH)" };
    public Option<string> DemucsModel { get; } = new("--demucs-model") { Description = "demucs model name (-n)", DefaultValueFactory = _ => DemucsOptions.DefaultModel };
    public Option<double> DemucsTimeout { get; } = new("--demucs-timeout") { Description = "Seconds before a demucs run is killed", DefaultValueFactory = _ => 1800 };
    public Option<double> MarginVocals { get; } = new("--margin-vocals") { Description = "REPET-SIM vocal mask margin (librosa example's margin_v)", DefaultValueFactory = _ => D.MarginVocals };
    public Option<double> MarginBackground { get; } = new("--margin-background") { Description = "REPET-SIM background mask margin (margin_i; used with --accompaniment masked)", DefaultValueFactory = _ => D.MarginBackground };
    public Option<double> Power { get; } = new("--mask-power") { Description = "Soft-mask exponent", DefaultValueFactory = _ => D.MaskPower };
    public Option<double> MinRepeat { get; } = new("--min-repeat-seconds") { Description = "Similar frames must be at least this far apart (nn_filter width)", DefaultValueFactory = _ => D.MinRepeatSeconds };
    public Option<int?> Neighbors { get; } = new("--neighbors") { Description = "Similar frames per frame (default: librosa's 2·ceil(sqrt(frames − 2·width + 1)))" };
    public Option<int> HpssKernel { get; } = new("--hpss-kernel") { Description = "Also remove percussion from the vocals with HPSS median filters of this size (0 = off)", DefaultValueFactory = _ => D.HpssKernel };
    public Option<double> VocalLowHz { get; } = new("--vocal-low-hz") { Description = "Vocal band prior: bins below go to the accompaniment (0 = off)", DefaultValueFactory = _ => D.VocalLowHz };
    public Option<double?> VocalHighHz { get; } = new("--vocal-high-hz") { Description = "Vocal band prior: bins above go to the accompaniment (default off)" };
    public Option<bool> LibrosaExample { get; } = new("--librosa-example") { Description = "librosa's vocal-separation example as librosa 0.11 runs it: margin_v 10, no band prior, masked background, and the neighbour sets recurrence_matrix really keeps (numpy's argsort of equal link values), overriding --margin-vocals, --vocal-low-hz and --accompaniment" };
    public Option<AccompanimentMode> Accompaniment { get; } = new("--accompaniment") { Description = "Residual (mixture − vocals) or Masked (librosa's background mask)", DefaultValueFactory = _ => D.Accompaniment };

    public void AddTo(Command cmd)
    {
        foreach (Option o in new Option[] { Method, Model, IdealNFft, IdealHop, WienerPower, ChunkFrames, DemucsExe, DemucsModel, DemucsTimeout, MarginVocals, MarginBackground, Power, MinRepeat, Neighbors, HpssKernel, VocalLowHz, VocalHighHz, Accompaniment, LibrosaExample })
            cmd.Options.Add(o);
    }

    /// <summary>The <see cref="ISeparator.Settings"/> of the separator the options describe (one instance, disposed).</summary>
    public string Settings(ParseResult parse, bool withStems = false)
    {
        var separator = Factory(parse, null, withStems)();
        using (separator as IDisposable) return separator.Settings;
    }

    /// <summary>A factory of separators as the options say; <paramref name="threadsEach"/> cores per REPET-SIM instance (null = all);
    /// <paramref name="withStems"/>: the caller has the true stems (<c>separate eval</c>), so the <c>ideal-mask</c> oracle is allowed.</summary>
    public Func<ISeparator> Factory(ParseResult parse, int? threadsEach, bool withStems = false)
    {
        string method = parse.GetValue(Method)!.ToLowerInvariant();
        if (method == "ideal-mask")
        {
            if (!withStems) throw new ParameterException("--method ideal-mask is an oracle that needs the true stems: only `separate eval` takes it");
            var ideal = new IdealMaskSeparator(parse.GetValue(IdealNFft), parse.GetValue(IdealHop), parse.GetValue(Power)).Validate();
            return () => ideal;
        }
        if (method == "demucs")
        {
            var d = new DemucsOptions(parse.GetValue(DemucsExe), parse.GetValue(DemucsModel)!, TimeSpan.FromSeconds(parse.GetValue(DemucsTimeout)));
            _ = new DemucsSeparator(d); // fail fast when demucs is missing
            return () => new DemucsSeparator(d);
        }
        if (method == "learned")
        {
            string? folder = parse.GetValue(Model);
            var lo = new LearnedSeparatorOptions(parse.GetValue(ChunkFrames), WienerPower: parse.GetValue(WienerPower), Threads: threadsEach ?? 0).Validate();
            var folders = folder?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [MaskNetModel.ShippedName];
            Func<ISeparator> make = () => LearnedSeparator.FromFolders(folders, lo);
            using (make() as IDisposable) { } // fail fast on a missing or bad model
            return make;
        }
        if (method is not ("repet-sim" or "repet" or "repetsim"))
            throw new AlchemyException($"--method '{method}': expected repet-sim, learned or demucs{(withStems ? " (or the oracle ideal-mask)" : "")}");
        var o = new RepetSimOptions(MinRepeatSeconds: parse.GetValue(MinRepeat), Neighbors: parse.GetValue(Neighbors),
            MarginBackground: parse.GetValue(MarginBackground), MarginVocals: parse.GetValue(MarginVocals), MaskPower: parse.GetValue(Power),
            HpssKernel: parse.GetValue(HpssKernel), VocalLowHz: parse.GetValue(VocalLowHz), VocalHighHz: parse.GetValue(VocalHighHz),
            Accompaniment: parse.GetValue(Accompaniment), MaxThreads: threadsEach);
        if (parse.GetValue(LibrosaExample))
            o = o with
            {
                MarginVocals = RepetSimOptions.LibrosaExample.MarginVocals, VocalLowHz = RepetSimOptions.LibrosaExample.VocalLowHz,
                Accompaniment = RepetSimOptions.LibrosaExample.Accompaniment, LibrosaLinks = true,
            };
        o = o.Validate();
        return () => new RepetSimSeparator(o);
    }
}
