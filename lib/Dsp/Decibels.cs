namespace AudioAlchemy.Dsp;

/// <summary><c>librosa.power_to_db</c> and <c>librosa.amplitude_to_db</c>.</summary>
public static class Decibels
{
    /// <summary>
    /// <c>power_to_db(S, ref, amin, top_db)</c>: 10·log10(max(amin, S)) − 10·log10(max(amin, |ref|)), then clamped below at
    /// (global max − top_db) when <paramref name="topDb"/> is not null. <paramref name="reference"/> null = 1.0. Same shape as S.
    /// </summary>
    public static Matrix PowerToDb(Matrix S, DbReference? reference = null, double amin = Defaults.Amin, double? topDb = Defaults.TopDb)
    {
        var o = new Matrix(S.Rows, S.Cols);
        PowerToDb(S.Data, o.Data, reference, amin, topDb);
        return o;
    }

    /// <summary><see cref="PowerToDb(Matrix, DbReference?, double, double?)"/> on flat data, written into <paramref name="output"/> (may alias the input).</summary>
    public static void PowerToDb(ReadOnlySpan<float> S, Span<float> output, DbReference? reference = null, double amin = Defaults.Amin, double? topDb = Defaults.TopDb)
    {
        if (amin <= 0) throw new ParameterException($"amin must be strictly positive (got {amin})");
        if (topDb is < 0) throw new ParameterException($"top_db must be non-negative (got {topDb})");
        if (output.Length != S.Length) throw new ParameterException("output length differs from input");
        var r = reference ?? DbReference.Of(1.0);
        double refValue = Math.Abs(r.Value);
        if (r.UseMax)
        {
            refValue = double.NegativeInfinity;
            foreach (var v in S) if (v > refValue) refValue = v;
        }
        double refDb = 10.0 * Math.Log10(Math.Max(amin, refValue));
        float max = float.NegativeInfinity;
        for (int i = 0; i < S.Length; i++)
        {
            float d = (float)(10.0 * Math.Log10(Math.Max(amin, S[i])) - refDb);
            output[i] = d;
            if (d > max) max = d;
        }
        if (topDb is double td)
        {
            float floor = (float)(max - td);
            for (int i = 0; i < output.Length; i++) if (output[i] < floor) output[i] = floor;
        }
    }

    /// <summary>
    /// <c>amplitude_to_db(S, ref, amin, top_db)</c> = <c>power_to_db(|S|², ref², amin², top_db)</c>; ref = max uses max |S|.
    /// <paramref name="reference"/> null = 1.0. Same shape as S.
    /// </summary>
    public static Matrix AmplitudeToDb(Matrix S, DbReference? reference = null, double amin = 1e-5, double? topDb = Defaults.TopDb)
    {
        if (amin <= 0) throw new ParameterException($"amin must be strictly positive (got {amin})");
        var r = reference ?? DbReference.Of(1.0);
        double refValue = Math.Abs(r.Value);
        if (r.UseMax)
        {
            refValue = 0;
            foreach (var v in S.Data) refValue = Math.Max(refValue, Math.Abs(v));
        }
        var power = new Matrix(S.Rows, S.Cols);
        for (int i = 0; i < power.Data.Length; i++) { float a = Math.Abs(S.Data[i]); power.Data[i] = a * a; }
        PowerToDb(power.Data, power.Data, DbReference.Of(refValue * refValue), amin * amin, topDb);
        return power;
    }
}
