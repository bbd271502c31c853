using AudioAlchemy.Audio;
using AudioAlchemy.Studies;
using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Player;

/// <summary>
/// What the server computes for one song at one bitrate (JSON of <c>GET /api/songs/{id}/analysis?kbps=N</c>): the
/// <see cref="BandSpectrum"/> of the WAV and of its decoded MP3 (our STFT, librosa defaults, at the native rate), their
/// <see cref="SpectrumSimilarity"/>, and the shape of the librosa-parity mel spectrogram served as a viridis PNG.
/// </summary>
/// <param name="Id">Song id.</param>
/// <param name="SampleRate">Native sample rate in Hz (both spectra and the mel use it).</param>
/// <param name="Seconds">Duration.</param>
/// <param name="Kbps">MP3 bitrate.</param>
/// <param name="BandEdgesHz">Band edges (bands + 1), 0 Hz to Nyquist.</param>
/// <param name="WavDb">WAV band power in dB (10·log10 of the mean power per frame).</param>
/// <param name="Mp3Db">MP3 band power in dB, same bands.</param>
/// <param name="Similarity">Pearson r and |ΔdB| of the two band spectra.</param>
/// <param name="Mel">The mel spectrogram's parameters and image URL.</param>
public sealed record SongAnalysis(string Id, int SampleRate, double Seconds, int Kbps, double[] BandEdgesHz, double[] WavDb, double[] Mp3Db,
    SpectrumSimilarity Similarity, MelSummary Mel);

/// <summary>
/// The server's mel spectrogram: <c>librosa.feature.melspectrogram(y, sr)</c> defaults at the native rate, shown with the
/// project's one mel→image mapping (<see cref="MelImage.Normalize(Matrix)"/>: power_to_db(ref=max) clipped to [-80, 0] dB, viridis).
/// </summary>
/// <param name="Url">Where the PNG is (<c>/api/songs/{id}/mel.png</c>).</param>
/// <param name="NMels">Mel bands (image height).</param>
/// <param name="Frames">STFT frames (image width).</param>
/// <param name="NFft">FFT size.</param>
/// <param name="HopLength">Hop in samples.</param>
/// <param name="FmaxHz">Top of the mel scale (Nyquist).</param>
/// <param name="FloorDb">Bottom of the dB scale.</param>
public sealed record MelSummary(string Url, int NMels, int Frames, int NFft, int HopLength, double FmaxHz, double FloorDb);

/// <summary>Computes and memoizes <see cref="SongAnalysis"/> and the mel PNG per song and bitrate.</summary>
public sealed class SongAnalyzer(MediaStore media, int bands)
{
    private readonly TaskMemo<SongAnalysis> _analyses = new();
    private readonly TaskMemo<byte[]> _mels = new();

    /// <summary>The band spectra of the song's WAV and its MP3 at <paramref name="kbps"/>.</summary>
    public Task<SongAnalysis> AnalyzeAsync(PlayerSong song, int kbps)
    {
        var info = media.Info(song);
        return Memo(_analyses, $"{song.Id}:{kbps}", async () =>
        {
            string wavPath = await media.WavAsync(song), mp3Path = await media.Mp3Async(song, kbps);
            return await Task.Run(() =>
            {
                var wav = AudioFile.Load(wavPath, sr: null).Samples;
                var mp3 = AudioFile.Load(mp3Path, sr: info.SampleRate).Samples;
                var a = BandSpectrum.Of(wav, info.SampleRate, bands);
                var b = BandSpectrum.Of(mp3, info.SampleRate, bands);
                int frames = 1 + wav.Length / Defaults.HopLength;
                var mel = new MelSummary($"/api/songs/{song.Id}/mel.png", Defaults.NMels, frames, Defaults.NFft, Defaults.HopLength,
                    info.SampleRate / 2.0, MelImage.FloorDb);
                return new SongAnalysis(song.Id, info.SampleRate, (double)wav.Length / info.SampleRate, kbps, a.BandEdgesHz, a.MeanDb, b.MeanDb,
                    SpectrumSimilarity.Of(a.MeanDb, b.MeanDb), mel);
            });
        }, song);
    }

    /// <summary>PNG bytes of the song's mel spectrogram (top row = highest mel band).</summary>
    public Task<byte[]> MelPngAsync(PlayerSong song)
    {
        var info = media.Info(song);
        return Memo(_mels, song.Id, async () =>
        {
            string wavPath = await media.WavAsync(song);
            return await Task.Run(() =>
            {
                var y = AudioFile.Load(wavPath, sr: null).Samples;
                var normalized = MelImage.Normalize(Feature.MelSpectrogram(y, info.SampleRate));
                return PngEncoder.Encode(MelImage.ViridisPixels(normalized), normalized.Cols, normalized.Rows, rgb: true);
            });
        }, song);
    }

    private static Task<T> Memo<T>(TaskMemo<T> memo, string key, Func<Task<T>> make, PlayerSong song) => memo.GetAsync(key, async () =>
    {
        try { return await make(); }
        catch (PlayerException) { throw; }
        catch (AlchemyException e) { throw new PlayerException(422, $"song '{song.Id}' (manifest row {song.Row.RowNumber}): {MediaStore.Reason(e)}"); }
    });
}
