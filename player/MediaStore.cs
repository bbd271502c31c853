using System.Collections.Concurrent;
using AudioAlchemy.Audio;
using AudioAlchemy.Studies;

namespace AudioAlchemy.Player;

/// <summary>
/// The audio a player streams for a song: the WAV (the song's own file when it is a WAV, else a WAV copy decoded once) and
/// MP3s encoded on demand with <see cref="Mp3VsWav.Encode"/> at the song's native rate (the project's <c>AudioFile.Save</c>
/// MP3 path). Both live in the <see cref="ContentCache"/> under the cache root: WAV copies in stage <c>wav</c>, MP3s in
/// stage <c>mp3</c> (shared with the MP3-vs-WAV study), keyed by content, rate and bitrate, written atomically, so a rerun
/// reuses them. Concurrent requests for the same file wait for one encoder run.
/// </summary>
public sealed class MediaStore
{
    private readonly TaskMemo<string> _files = new();
    private readonly ConcurrentDictionary<string, AudioInfo> _info = new(StringComparer.Ordinal);

    /// <summary>The stage folder of the decoded WAV copies under the cache root.</summary>
    public const string WavStage = "wav";

    /// <summary>Version of the decoded WAV copies.</summary>
    public const string WavVersion = "wav-f32-v1";

    /// <summary>Creates a store that caches under the cache root <paramref name="cacheRoot"/>.</summary>
    public MediaStore(string cacheRoot) => CacheDir = Path.GetFullPath(cacheRoot);

    /// <summary>The cache root.</summary>
    public string CacheDir { get; }

    /// <summary>
    /// Header of the song's audio, checked once. Throws <see cref="PlayerException"/> 404 when the file is missing and 422
    /// when it cannot be decoded; both messages name the song, its manifest row and the file.
    /// </summary>
    public AudioInfo Info(PlayerSong song)
    {
        if (_info.TryGetValue(song.Id, out var known)) return known;
        if (!File.Exists(song.Row.Path))
            throw new PlayerException(404, $"song '{song.Id}' (manifest row {song.Row.RowNumber}): audio file '{Path.GetFileName(song.Row.Path)}' is missing");
        try
        {
            var info = AudioFile.Info(song.Row.Path);
            if (info.Frames <= 0) throw new AudioFileException(song.Row.Path, AudioErrorKind.Empty, "contains no audio frames");
            return _info[song.Id] = info;
        }
        catch (AlchemyException e)
        {
            throw new PlayerException(422, $"song '{song.Id}' (manifest row {song.Row.RowNumber}): cannot read '{Path.GetFileName(song.Row.Path)}': {Reason(e)}");
        }
    }

    /// <summary>Path of a WAV of the song: its own file when it is a WAV, else a decoded float WAV copy in the cache.</summary>
    public Task<string> WavAsync(PlayerSong song)
    {
        var info = Info(song);
        if (info.Format.StartsWith("WAV", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(song.Row.Path);
        return Cached($"wav:{song.Id}", () =>
        {
            string wav = new ContentCache(CacheDir, WavStage, WavVersion).PathForFile(song.Row.Path, ContentCache.Canonical(("encoding", "float32"), ("sr", "native")), "wav");
            if (!File.Exists(wav)) AudioFile.Save(wav, AudioFile.Load(song.Row.Path, sr: null, mono: false), new SaveOptions(AudioEncoding.Float32));
            return wav;
        }, song);
    }

    /// <summary>Path of the song's MP3 at <paramref name="kbps"/>, encoded from its WAV at its native rate when not cached yet.</summary>
    public Task<string> Mp3Async(PlayerSong song, int kbps)
    {
        var info = Info(song);
        return Cached($"mp3:{song.Id}:{kbps}", () => Mp3VsWav.Encode(WavAsync(song).GetAwaiter().GetResult(), kbps, CacheDir, info.SampleRate), song);
    }

    private Task<string> Cached(string key, Func<string> make, PlayerSong song) => _files.GetAsync(key, () =>
    {
        try { return Task.FromResult(make()); }
        catch (AlchemyException e) { throw new PlayerException(422, $"song '{song.Id}' (manifest row {song.Row.RowNumber}): {Reason(e)}"); }
        catch (IOException e) { throw new PlayerException(500, $"song '{song.Id}': cache write failed: {e.Message}"); }
    });

    internal static string Reason(AlchemyException e) => e is AudioFileException a ? a.Reason : e.Message;
}
