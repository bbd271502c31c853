namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Places lyric lines on the bar grid and writes a melody for them in the song's key: each line starts on a bar line
/// after the intro (none in very short songs), spans one bar (slow tempos) or two (cut at the song's end), sometimes
/// followed by a rest of the same length; each word
/// gets a scale note, starting on a chord tone and moving by small steps, in the voice's register.
/// </summary>
public static class MelodyWriter
{
    private static readonly int[] MajorScale = [0, 2, 4, 5, 7, 9, 11];
    private static readonly int[] MinorScale = [0, 2, 3, 5, 7, 8, 10];

    /// <summary>The sung phrases of a song.</summary>
    /// <param name="plan">The song (key, voice, language, duration).</param>
    /// <param name="arrangement">Bar grid and chords.</param>
    /// <param name="rng">The song's random stream for the vocals.</param>
    public static List<VocalPhrase> Write(SongPlan plan, Arrangement arrangement, SeededRandom rng)
    {
        var lines = LyricsBank.For(plan.Language).ToList();
        rng.Shuffle(lines);
        int[] scale = plan.Minor ? MinorScale : MajorScale;
        int reference = VoiceVariant.ReferenceKey(plan.Voice);
        var scaleKeys = Enumerable.Range(reference - 7, 20).Where(k => scale.Contains(((k - plan.Tonic) % 12 + 12) % 12)).ToArray();
        double barSec = arrangement.BarSeconds;
        int phraseBars = barSec >= 2.4 ? 1 : 2;
        var phrases = new List<VocalPhrase>();
        double end = plan.Seconds - 0.25;
        int bar = arrangement.IntroBars * barSec > plan.Seconds / 4 ? 0 : arrangement.IntroBars, line = 0;
        while (bar * barSec < end - 1.0 && bar < arrangement.BarChords.Length)
        {
            var words = lines[line++ % lines.Count].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var chord = arrangement.BarChords[bar];
            double slot = Math.Min(phraseBars * barSec, end - bar * barSec) * 0.92;
            phrases.Add(new VocalPhrase(bar * barSec, slot, words, Melody(words.Length, chord, plan.Tonic, scaleKeys, reference, rng)));
            bar += phraseBars;
            if (rng.Chance(0.3)) bar += phraseBars;
        }
        return phrases;
    }

    private static int[] Melody(int n, Chord chord, int tonic, int[] scaleKeys, int reference, SeededRandom rng)
    {
        var chordPcs = chord.Intervals.Select(i => (tonic + chord.Root + i) % 12).ToHashSet();
        var starts = Enumerable.Range(0, scaleKeys.Length)
            .Where(i => chordPcs.Contains(scaleKeys[i] % 12) && Math.Abs(scaleKeys[i] - reference - 2) <= 6).ToArray();
        int pos = starts.Length > 0 ? rng.Pick(starts) : scaleKeys.Length / 2;
        var notes = new int[n];
        for (int w = 0; w < n; w++)
        {
            notes[w] = scaleKeys[pos];
            int step = rng.Pick([-2, -1, -1, 0, 1, 1, 2]);
            pos = Math.Clamp(pos + step, 2, scaleKeys.Length - 3);
        }
        return notes;
    }
}
