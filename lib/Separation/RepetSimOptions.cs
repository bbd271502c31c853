using System.Globalization;
using AudioAlchemy.Dsp;

namespace AudioAlchemy.Separation;

/// <summary>
/// Parameters of <see cref="RepetSimSeparator"/>, validated once. The method is librosa's "vocal separation" example
/// (REPET-SIM, Rafii &amp; Pardo 2012): |STFT| (n_fft 2048, hop 512), cosine nearest-neighbour median filter over frames at
/// least 2 s apart (<c>librosa.decompose.nn_filter(S, aggregate=np.median, metric='cosine', width=...)</c>), <c>min</c> with
/// the original, then <c>librosa.util.softmask</c> with power 2. The defaults differ from the example in two measured ways
/// (docs/separation.md, <c>alchemy separate sweep</c>): vocal margin 2 instead of 10, and no vocals below 150 Hz.
/// <see cref="LibrosaExample"/> is the textbook setting.
/// </summary>
/// <param name="NFft">FFT size in samples (librosa <c>n_fft</c>, default 2048).</param>
/// <param name="HopLength">Hop in samples (librosa <c>hop_length</c>, default 512).</param>
/// <param name="MinRepeatSeconds">Neighbour frames must be at least this far apart in time (nn_filter's <c>width</c>,
/// converted with <c>librosa.time_to_frames</c>: floor(seconds·sr/hop)); default 2 s. Shrunk automatically for short inputs.</param>
/// <param name="Neighbors">Neighbours per frame (recurrence_matrix's <c>k</c>); null = librosa's 2·ceil(sqrt(t − 2·width + 1)).</param>
/// <param name="MarginBackground">Margin of the background (accompaniment) soft mask, librosa example's <c>margin_i</c> (default 2).</param>
/// <param name="MarginVocals">Margin of the vocal soft mask (librosa example's <c>margin_v</c> is 10; default 2, measured better).</param>
/// <param name="MaskPower">Exponent of both soft masks (<c>softmask(..., power=2)</c>).</param>
/// <param name="HpssKernel">When &gt; 0, also run librosa-style HPSS (median filters of this many frames/bins) and remove the
/// percussive part from the vocals (vocal mask × harmonic mask). 0 = off (default, the textbook method).</param>
/// <param name="HpssMargin">HPSS margin (librosa <c>hpss(margin=...)</c>, ≥ 1) for the harmonic mask.</param>
/// <param name="VocalLowHz">Vocal-band prior: bins below this frequency go entirely to the accompaniment (default 150 Hz, measured
/// better; 0 = off as in librosa's example).</param>
/// <param name="VocalHighHz">Vocal-band prior: bins above this frequency go entirely to the accompaniment (null = off).</param>
/// <param name="Accompaniment">How the accompaniment stem is formed (default <see cref="AccompanimentMode.Residual"/>).</param>
/// <param name="MaxThreads">Cores used for the similarity search and the median filter (null = all).</param>
/// <param name="LibrosaLinks">Use the neighbour sets librosa's <c>recurrence_matrix</c> really keeps in connectivity mode
/// (<see cref="NearestNeighborFilter.LibrosaConnectivityNeighbors"/>: an index pattern fixed by numpy's unstable argsort of
/// equal link values) instead of the k most similar frames (default false: the method as described).</param>
/// <param name="MaxSearchSeconds">Similar frames are searched within a window of this many seconds around each frame
/// (default 120 s, i.e. ±60 s), which keeps the cost linear in the length (10 minutes no longer cost 20× a 30-s song
/// squared). Songs up to this long take exactly the whole-signal search; null = always the whole signal. Not used with
/// <paramref name="LibrosaLinks"/> (librosa's sets come from the whole signal).</param>
public sealed record RepetSimOptions(
    int NFft = Defaults.NFft,
    int HopLength = Defaults.HopLength,
    double MinRepeatSeconds = 2.0,
    int? Neighbors = null,
    double MarginBackground = 2.0,
    double MarginVocals = 2.0,
    double MaskPower = 2.0,
    int HpssKernel = 0,
    double HpssMargin = 1.0,
    double VocalLowHz = 150.0,
    double? VocalHighHz = null,
    AccompanimentMode Accompaniment = AccompanimentMode.Residual,
    int? MaxThreads = null,
    bool LibrosaLinks = false,
    double? MaxSearchSeconds = 120.0)
{
    /// <summary>librosa's example as librosa 0.11 runs it: margins 2 (background) and 10 (vocals), power 2, no band prior,
    /// masked background, and librosa's own neighbour sets (<see cref="LibrosaLinks"/>).</summary>
    public static RepetSimOptions LibrosaExample { get; } = new(MarginVocals: 10.0, VocalLowHz: 0.0, Accompaniment: AccompanimentMode.Masked, LibrosaLinks: true);

    /// <summary>Throws <see cref="AlchemyException"/> naming the first invalid parameter.</summary>
    public RepetSimOptions Validate()
    {
        if (NFft < 16) throw Bad(nameof(NFft), NFft, "must be >= 16");
        if (HopLength < 1 || HopLength > NFft) throw Bad(nameof(HopLength), HopLength, "must be in 1..n_fft");
        if (!(MinRepeatSeconds >= 0) || double.IsInfinity(MinRepeatSeconds)) throw Bad(nameof(MinRepeatSeconds), MinRepeatSeconds, "must be a finite value >= 0");
        if (Neighbors is < 1) throw Bad(nameof(Neighbors), Neighbors, "must be >= 1 (or null for librosa's default)");
        if (!(MarginBackground >= 0) || double.IsInfinity(MarginBackground)) throw Bad(nameof(MarginBackground), MarginBackground, "must be a finite value >= 0");
        if (!(MarginVocals >= 0) || double.IsInfinity(MarginVocals)) throw Bad(nameof(MarginVocals), MarginVocals, "must be a finite value >= 0");
        if (!(MaskPower > 0) || double.IsInfinity(MaskPower)) throw Bad(nameof(MaskPower), MaskPower, "must be finite and > 0");
        if (HpssKernel < 0) throw Bad(nameof(HpssKernel), HpssKernel, "must be >= 0 (0 = off)");
        if (!(HpssMargin >= 1)) throw Bad(nameof(HpssMargin), HpssMargin, "must be >= 1");
        if (!(VocalLowHz >= 0)) throw Bad(nameof(VocalLowHz), VocalLowHz, "must be >= 0");
        if (VocalHighHz is { } hi && !(hi > VocalLowHz)) throw Bad(nameof(VocalHighHz), hi, "must be above VocalLowHz");
        if (MaxThreads is < 1) throw Bad(nameof(MaxThreads), MaxThreads, "must be >= 1 (or null for all cores)");
        if (MaxSearchSeconds is { } ms && (!(ms > 2 * MinRepeatSeconds) || double.IsInfinity(ms)))
            throw Bad(nameof(MaxSearchSeconds), ms, "must be finite and more than twice MinRepeatSeconds (or null for the whole signal)");
        return this;
    }

    /// <summary>The similarity window in frames at <paramref name="sr"/> (null = whole signal).</summary>
    public int? SearchFrames(int sr) => MaxSearchSeconds is { } s ? Math.Max(1, (int)Math.Floor(s * sr / HopLength)) : null;

    /// <summary>nn_filter's <c>width</c> for sample rate <paramref name="sr"/>: floor(MinRepeatSeconds·sr/hop), at least 1.</summary>
    public int WidthFrames(int sr) => Math.Max(1, (int)Math.Floor(MinRepeatSeconds * sr / HopLength));

    /// <summary>Every parameter that changes the output, as one stable string (cache key part; MaxThreads excluded).</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"repet-sim nfft={NFft} hop={HopLength} minrep={MinRepeatSeconds} k={(Neighbors?.ToString(CultureInfo.InvariantCulture) ?? "auto")} mi={MarginBackground} mv={MarginVocals} p={MaskPower} hpss={HpssKernel} hm={HpssMargin} lo={VocalLowHz} hi={(VocalHighHz?.ToString(CultureInfo.InvariantCulture) ?? "none")} acc={Accompaniment} search={(MaxSearchSeconds?.ToString(CultureInfo.InvariantCulture) ?? "all")}");

    private static AlchemyException Bad(string name, object? value, string why) =>
        new($"RepetSimOptions.{name} = {value}: {why}");
}
