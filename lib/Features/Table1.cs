namespace AudioAlchemy.Features;

/// <summary>One-shot access to the Table-1 summary; for many signals keep a <see cref="Table1Extractor"/> per thread.</summary>
public static class Table1
{
    /// <summary>The Table-1 summary of <paramref name="y"/> sampled at <paramref name="sr"/> Hz (other parameters from <paramref name="options"/>, whose Sr is overridden).</summary>
    public static Table1Summary Compute(float[] y, double sr = Dsp.Defaults.SampleRate, Table1Options? options = null)
        => new Table1Extractor((options ?? new Table1Options()) with { Sr = sr }).Compute(y);
}
