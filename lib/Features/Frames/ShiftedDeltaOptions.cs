namespace AudioAlchemy.Features.Frames;

/// <summary>
/// Shifted-delta cepstra in the N-d-P-k notation of the language-ID literature (Torres-Carrasquillo et al. 2002):
/// the first <paramref name="N"/> cepstra, deltas over ±<paramref name="D"/> frames, <paramref name="K"/> blocks
/// <paramref name="P"/> frames apart. The classic configuration is 7-1-3-7 (49 values per frame).
/// </summary>
/// <param name="N">Cepstral coefficients used (first N rows).</param>
/// <param name="D">Delta half-span: Δc(t) = c(t + D) − c(t − D).</param>
/// <param name="P">Shift between blocks, frames.</param>
/// <param name="K">Number of blocks stacked.</param>
public sealed record ShiftedDeltaOptions(int N = 7, int D = 1, int P = 3, int K = 7)
{
    /// <summary>Values per frame, N·K.</summary>
    public int Dimension => N * K;

    /// <summary>Throws <see cref="AlchemyException"/> naming the bad parameter.</summary>
    public ShiftedDeltaOptions Validate()
    {
        if (N < 1) throw new AlchemyException($"sdc: N must be >= 1 (got {N})");
        if (D < 1) throw new AlchemyException($"sdc: d must be >= 1 (got {D})");
        if (P < 1) throw new AlchemyException($"sdc: P must be >= 1 (got {P})");
        if (K < 1) throw new AlchemyException($"sdc: k must be >= 1 (got {K})");
        return this;
    }

    /// <summary>"N-d-P-k", e.g. "7-1-3-7".</summary>
    public override string ToString() => FormattableString.Invariant($"{N}-{D}-{P}-{K}");

    /// <summary>Parses "N-d-P-k" (e.g. "7-1-3-7").</summary>
    public static ShiftedDeltaOptions Parse(string text)
    {
        var p = text.Split('-');
        if (p.Length != 4 || !p.All(x => int.TryParse(x, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
            throw new AlchemyException($"sdc: '{text}' is not N-d-P-k (e.g. 7-1-3-7)");
        var v = p.Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new ShiftedDeltaOptions(v[0], v[1], v[2], v[3]).Validate();
    }
}
