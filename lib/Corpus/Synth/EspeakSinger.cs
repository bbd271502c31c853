using System.Globalization;
using System.Security;
using System.Text;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// "Sings" a <see cref="VocalPhrase"/> with the <c>espeak-ng</c> program: one call per phrase with SSML, the phrase's
/// base pitch from its melody (<c>-p</c>, about 3 units per semitone around the voice's reference note) and each word
/// pitched relative to it with <c>&lt;prosody pitch="+N%"&gt;</c>. The speed (<c>-s</c>) is fitted so the line fills
/// most of its slot: rendered once, then once more faster or slower if it overflows or is much too short; anything
/// still too long is cut with a short fade. espeak-ng's rate (22050 Hz) is resampled with soxr to the corpus rate.
/// Pitches follow the melody only approximately (espeak's own intonation stays on top).
/// </summary>
public sealed class EspeakSinger
{
    private const string InstallHint = "install it: apt-get install espeak-ng (macOS: brew install espeak-ng)";

    /// <summary>Creates a singer writing temporary files into <paramref name="workDir"/>.</summary>
    public EspeakSinger(string workDir, int sampleRate)
    {
        WorkDir = workDir;
        SampleRate = sampleRate;
    }

    /// <summary>Folder for temporary WAV files.</summary>
    public string WorkDir { get; }

    /// <summary>Output sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>The espeak-ng <c>-p</c> value (0..99) for a note in a voice with the given reference key.</summary>
    public static int PitchParameter(int key, int referenceKey) => Math.Clamp(50 + 3 * (key - referenceKey), 5, 95);

    /// <summary>SSML for a phrase: each word wrapped in a prosody element with its pitch relative to <paramref name="baseKey"/>.</summary>
    public static string Ssml(VocalPhrase phrase, int baseKey)
    {
        var sb = new StringBuilder("<speak>");
        for (int i = 0; i < phrase.Words.Length; i++)
        {
            double pct = (Math.Pow(2, (phrase.Notes[i] - baseKey) / 12.0) - 1) * 100;
            sb.Append(CultureInfo.InvariantCulture, $"<prosody pitch=\"{(pct >= 0 ? "+" : "")}{pct:0}%\">")
              .Append(SecurityElement.Escape(phrase.Words[i])).Append("</prosody> ");
        }
        return sb.Append("</speak>").ToString();
    }

    /// <summary>Renders the phrase; returns mono samples at <see cref="SampleRate"/>, at most <c>MaxSeconds</c> long.</summary>
    /// <param name="phrase">Words, notes and slot.</param>
    /// <param name="language">espeak-ng language code.</param>
    /// <param name="variant">Voice variant (e.g. <c>f2</c>).</param>
    /// <param name="name">Unique file stem for the temporary WAV.</param>
    public float[] Sing(VocalPhrase phrase, string language, string variant, string name)
    {
        int reference = VoiceVariant.ReferenceKey(variant);
        int baseKey = (int)Math.Round(phrase.Notes.Average());
        int pitch = PitchParameter(baseKey, reference);
        string ssml = Ssml(phrase, baseKey);
        int max = (int)(phrase.MaxSeconds * SampleRate);
        int speed = 160;
        var y = Render(ssml, language, variant, pitch, speed, name);
        if (y.Length > max || y.Length < max / 2)
        {
            double want = y.Length > max ? max * 0.95 : max * 0.75;
            speed = (int)Math.Clamp(Math.Round(speed * y.Length / want), 90, 450);
            y = Render(ssml, language, variant, pitch, speed, name);
        }
        if (y.Length > max)
        {
            Array.Resize(ref y, max);
            int fade = Math.Min(max, SampleRate / 50);
            for (int i = 0; i < fade; i++) y[max - 1 - i] *= (float)i / fade;
        }
        return y;
    }

    private float[] Render(string ssml, string language, string variant, int pitch, int speed, string name)
    {
        string wav = Path.Combine(WorkDir, name + ".espeak.wav");
        try
        {
            ExternalTool.Run("espeak-ng", ["-m", "-v", $"{language}+{variant}", "-p", pitch.ToString(CultureInfo.InvariantCulture),
                "-s", speed.ToString(CultureInfo.InvariantCulture), "-w", wav, ssml], TimeSpan.FromSeconds(60), InstallHint);
            var y = AudioFile.Load(wav, sr: SampleRate, mono: true).Samples;
            return TrimSilence(y);
        }
        finally
        {
            if (File.Exists(wav)) File.Delete(wav);
        }
    }

    /// <summary>Removes leading and trailing samples below -60 dBFS.</summary>
    public static float[] TrimSilence(float[] y)
    {
        const float threshold = 1e-3f;
        int a = 0, b = y.Length;
        while (a < b && Math.Abs(y[a]) < threshold) a++;
        while (b > a && Math.Abs(y[b - 1]) < threshold) b--;
        return y[a..b];
    }
}
