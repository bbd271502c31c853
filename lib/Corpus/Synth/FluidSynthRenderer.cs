using System.Globalization;
using AudioAlchemy.Audio;

namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Renders MIDI with the <c>fluidsynth</c> program and a General-MIDI SoundFont (Debian: <c>fluid-soundfont-gm</c>).
/// Settings chosen for reproducible, fast offline rendering: float32 file output (no dithering noise), one synthesis
/// thread, chorus off, reverb on (deterministic), samples loaded on demand (only the presets a song uses are read,
/// which makes start-up about 5x faster than loading the whole 148 MB FluidR3 font). Same MIDI → same samples.
/// </summary>
public sealed class FluidSynthRenderer
{
    /// <summary>Where Debian/Ubuntu and other distributions install a GM SoundFont, in order of preference.</summary>
    public static IReadOnlyList<string> SoundFontCandidates { get; } =
    [
        "/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/default-GM.sf2",
        "/usr/share/soundfonts/FluidR3_GM.sf2", "/usr/share/soundfonts/default.sf2",
    ];

    private const string InstallHint = "install it: apt-get install fluidsynth fluid-soundfont-gm (macOS: brew install fluid-synth)";

    /// <summary>Creates a renderer.</summary>
    /// <param name="soundFont">SoundFont file, or null to use the first of <see cref="SoundFontCandidates"/> that exists.</param>
    /// <param name="gain">fluidsynth master gain (<c>-g</c>); float output never clips, the mixer normalises later.</param>
    /// <exception cref="AlchemyException">No SoundFont found.</exception>
    public FluidSynthRenderer(string? soundFont = null, double gain = 0.6)
    {
        SoundFont = soundFont ?? SoundFontCandidates.FirstOrDefault(File.Exists)
            ?? throw new AlchemyException($"no General-MIDI SoundFont found (looked for {string.Join(", ", SoundFontCandidates)}); {InstallHint}");
        CheckSoundFont(SoundFont);
        Gain = gain;
    }

    /// <summary>
    /// Throws unless <paramref name="path"/> is a readable regular file with a SoundFont header (RIFF form type
    /// <c>sfbk</c>, used by .sf2 and .sf3): fluidsynth itself only prints an error for a bad font and then renders with
    /// its built-in default, so a wrong <c>--soundfont</c> would silently change every song.
    /// </summary>
    public static void CheckSoundFont(string path)
    {
        if (InputFile.Problem(path, out _) is { } why) throw new AlchemyException($"SoundFont {path}: {why}");
        var head = new byte[12];
        int n;
        using (var fs = File.OpenRead(path)) n = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n < 12 || head[0] != 'R' || head[1] != 'I' || head[2] != 'F' || head[3] != 'F' || head[8] != 's' || head[9] != 'f' || head[10] != 'b' || head[11] != 'k')
            throw new AlchemyException($"SoundFont {path}: not a SoundFont 2/3 file (no RIFF 'sfbk' header); {InstallHint}");
    }

    /// <summary>The SoundFont used.</summary>
    public string SoundFont { get; }

    /// <summary>Master gain passed to fluidsynth.</summary>
    public double Gain { get; }

    /// <summary>The fluidsynth command-line arguments for one render.</summary>
    public IReadOnlyList<string> Arguments(string midiPath, string wavPath, int sampleRate) =>
    [
        "-ni", "-q", "-g", Gain.ToString(CultureInfo.InvariantCulture), "-R", "1", "-C", "0",
        "-o", "synth.cpu-cores=1", "-o", "synth.dynamic-sample-loading=1", "-o", "audio.file.format=float",
        "-o", "audio.file.type=wav", "-r", sampleRate.ToString(CultureInfo.InvariantCulture),
        "-F", wavPath, SoundFont, midiPath,
    ];

    /// <summary>Renders <paramref name="midiPath"/> to mono float samples at <paramref name="sampleRate"/>.</summary>
    /// <param name="midiPath">Standard MIDI file.</param>
    /// <param name="workDir">Folder for the temporary WAV (deleted after reading).</param>
    /// <param name="sampleRate">Synthesis rate in Hz.</param>
    /// <returns>Mono samples, shape (n,), channels averaged.</returns>
    public float[] Render(string midiPath, string workDir, int sampleRate)
    {
        string wav = Path.Combine(workDir, Path.GetFileNameWithoutExtension(midiPath) + ".fluid.wav");
        try
        {
            string log = ExternalTool.Run("fluidsynth", Arguments(midiPath, wav, sampleRate), TimeSpan.FromMinutes(5), InstallHint, out string errors);
            // fluidsynth exits 0 after "fluidsynth: error: Failed to load SoundFont ..." and renders with another font.
            string problem = string.Join(" | ", (log + "\n" + errors).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(3));
            if (problem.Length > 0) throw new AlchemyException($"fluidsynth reported an error rendering {midiPath} with {SoundFont}: {problem}");
            var sig = AudioFile.Load(wav, sr: sampleRate, mono: true);
            return sig.Samples;
        }
        finally
        {
            if (File.Exists(wav)) File.Delete(wav);
        }
    }
}
