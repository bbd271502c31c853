using AudioAlchemy.Dsp;

namespace AudioAlchemy.Features;

/// <summary>
/// <c>feature.mfcc</c> as a reusable object: mel filterbank and DCT table built once. Pipeline (librosa's):
/// <c>dct(power_to_db(melspectrogram(y)), type=2, norm='ortho')[:n_mfcc]</c>, optional liftering. Thread-safe
/// (the filterbank and DCT table are read-only, the STFT pools its scratch): one instance may be shared by a parallel
/// loop (PLINQ, Parallel.For); a <see cref="SpectralContext"/> stays one per signal.
/// </summary>
public sealed class MfccTransform
{
    private readonly Dct dct;
    private readonly double[]? lifter;

    /// <summary>Builds the transform (librosa defaults when an options argument is null).</summary>
    public MfccTransform(MfccOptions? mfcc = null, MelOptions? mel = null, StftOptions? stft = null)
        : this(mfcc, new MelSpectrogramTransform(mel, stft)) { }

    /// <summary>Builds the transform on an existing (shared) mel transform.</summary>
    public MfccTransform(MfccOptions? mfcc, MelSpectrogramTransform mel)
    {
        Options = (mfcc ?? new MfccOptions()).Validate();
        MelTransform = mel;
        if (Options.NMfcc > mel.Mel.NMels) throw new ParameterException($"n_mfcc ({Options.NMfcc}) cannot exceed n_mels ({mel.Mel.NMels})");
        dct = new Dct(mel.Mel.NMels, Options.NMfcc, Options.Ortho);
        if (Options.Lifter > 0)
        {
            lifter = new double[Options.NMfcc];
            for (int i = 0; i < lifter.Length; i++) lifter[i] = 1 + Options.Lifter / 2 * Math.Sin(Math.PI * (i + 1) / Options.Lifter);
        }
    }

    /// <summary>MFCC parameters.</summary>
    public MfccOptions Options { get; }

    /// <summary>The underlying mel transform.</summary>
    public MelSpectrogramTransform MelTransform { get; }

    /// <summary>MFCCs of <paramref name="y"/>, shape (n_mfcc, frames).</summary>
    public Matrix Compute(float[] y) => FromDb(Decibels.PowerToDb(MelTransform.Compute(y), topDb: Options.TopDb));

    /// <summary>MFCCs from a shared context (reuses its cached mel spectrogram), shape (n_mfcc, frames).</summary>
    public Matrix Compute(SpectralContext context)
        => FromDb(context.GetOrAdd(("mel_db", MelTransform.Mel, context.Options, Options.TopDb),
            c => Decibels.PowerToDb(MelTransform.Compute(c), topDb: Options.TopDb)));

    /// <summary>MFCCs from a log-power mel spectrogram <paramref name="melDb"/> (n_mels, frames) → (n_mfcc, frames).</summary>
    public Matrix FromDb(Matrix melDb)
    {
        var m = dct.Apply(melDb);
        if (lifter is not null)
            for (int i = 0; i < m.Rows; i++)
            {
                var row = m.Row(i);
                float f = (float)lifter[i];
                for (int t = 0; t < row.Length; t++) row[t] *= f;
            }
        return m;
    }
}
