namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Procedural arranger: turns a <see cref="SongPlan"/> and its artist preset into a multi-track General-MIDI song
/// (channel 0 harmony, 1 bass, 2 optional layer, 9 drums) in the genre's idiom. All choices come from the song's
/// <see cref="SeededRandom"/>, so the same plan gives the same notes.
/// </summary>
public static class Arranger
{
    /// <summary>Pulses per quarter note of the generated MIDI.</summary>
    public const int Ppq = 480;

    private const int CompCh = 0, BassCh = 1, LayerCh = 2, DrumCh = 9;
    private static readonly HashSet<int> SustainedPrograms = [11, 16, 18, 19, 48, 49, 50, 88, 89, 90];
    private static readonly HashSet<string> CrashGenres = ["rock", "metal", "pop", "disco", "country"];

    /// <summary>Arranges the song, covering at least <see cref="SongPlan.Seconds"/> plus one bar.</summary>
    public static Arrangement Arrange(SongPlan plan, ArtistStyle artist, SeededRandom rng)
    {
        var genre = artist.Genre;
        var song = new MidiSong(Ppq, plan.TempoBpm, plan.BeatsPerBar);
        double barSec = plan.BeatsPerBar * 60.0 / plan.TempoBpm;
        int bars = (int)Math.Ceiling(plan.Seconds / barSec) + 1;
        song.LengthTicks = bars * song.TicksPerBar;
        var prog = Chord.ParseProgression(plan.Progression);
        var chords = Enumerable.Range(0, bars).Select(b => prog[b % prog.Length]).ToArray();
        int tonic = 48 + plan.Tonic;
        var ctx = new Ctx(song, rng, artist, plan, tonic, Swing(artist, rng));

        song.Programs[CompCh] = artist.CompProgram;
        song.Programs[BassCh] = artist.BassProgram;
        song.Volumes[CompCh] = 92;
        song.Volumes[BassCh] = 100;
        bool layer = rng.Chance(artist.Density);
        if (layer)
        {
            song.Programs[LayerCh] = artist.LayerProgram;
            song.Volumes[LayerCh] = SustainedPrograms.Contains(artist.LayerProgram) ? 70 : 80;
        }
        var drums = PickDrums(genre, artist, plan.BeatsPerBar);
        string strum = rng.Pick(plan.BeatsPerBar == 3 ? ["D.DUDU", "D.D.D.", "D.DUDU"] : new[] { "D.DU.UDU", "D.D.DUDU", "D..UD.DU" });
        string stabs = rng.Pick(["..x...x...x...x.", "x..x..x...x..x..", "..x..x....x..x.x"]);
        int introBars = barSec < 2.0 ? 2 : 1;

        for (int b = 0; b < bars; b++)
        {
            var c = chords[b];
            var next = chords[Math.Min(b + 1, bars - 1)];
            bool sectionEnd = b % 8 == 7;
            Comp(ctx, b, c, strum, stabs);
            Bass(ctx, b, c, next);
            if (layer && b >= introBars) Layer(ctx, b, c);
            if (drums != null) Drums(ctx, b, drums, sectionEnd && rng.Chance(0.4 + artist.Density / 2), b > 0 && b % 8 == 0 && CrashGenres.Contains(genre.Name));
        }
        return new Arrangement(song, chords, barSec, introBars);
    }

    private sealed record Ctx(MidiSong Song, SeededRandom Rng, ArtistStyle Artist, SongPlan Plan, int Tonic, double Swing)
    {
        public int StepsPerBar => Plan.BeatsPerBar * 4;

        /// <summary>Tick of a sixteenth step in bar <paramref name="bar"/>, with swing on the off-beats.</summary>
        public long Tick(int bar, int step)
        {
            int beat = step / 4, sub = step % 4;
            double frac = sub switch { 0 => 0, 1 => Swing / 2, 2 => Swing, _ => Swing + (1 - Swing) / 2 };
            return bar * Song.TicksPerBar + beat * Ppq + (long)Math.Round(frac * Ppq);
        }

        public int Vel(int v) => Math.Clamp(v + Rng.Between(-6, 6), 1, 127);
    }

    private static double Swing(ArtistStyle a, SeededRandom rng) =>
        Math.Clamp(a.Swing + rng.Uniform(-0.02, 0.02), Math.Min(a.Genre.SwingMin, 0.5), a.Genre.SwingMax);

    private static DrumPattern? PickDrums(GenreStyle g, ArtistStyle a, int beats)
    {
        if (g.DrumPatterns.Length == 0) return null;
        if (beats == 4) return a.Drums ?? g.DrumPatterns[0];
        var odd = g.DrumPatterns.FirstOrDefault(p => p.Steps == beats * 4);
        if (odd != null) return odd;
        var basis = a.Drums ?? g.DrumPatterns[0];
        return new DrumPattern(basis.Name + "-cut", basis.Lanes.ToDictionary(l => l.Key, l => l.Value[..(beats * 4)]));
    }

    private static void Comp(Ctx x, int bar, Chord c, string strum, string stabs)
    {
        var s = x.Song;
        int low = 52 + x.Artist.Brightness;
        var v = c.Voicing(x.Tonic, low);
        long bt = s.TicksPerBar, t0 = bar * bt;
        int steps = x.StepsPerBar;
        switch (x.Artist.Comp)
        {
            case CompStyle.Block:
                int hits = x.Artist.Density > 0.6 ? 2 : 1;
                for (int h = 0; h < hits; h++)
                    foreach (int k in v) s.Add(CompCh, t0 + h * bt / hits, bt / hits - 10, k, x.Vel(70));
                break;
            case CompStyle.Arpeggio:
                int[] tones = [.. v, v[0] + 12];
                int[] order = [0, 1, 2, tones.Length - 1, 2, 1];
                s.Add(CompCh, t0, bt - 10, c.RootKey(x.Tonic, 36 + 12), x.Vel(64));
                for (int e = 0; e < steps / 2; e++)
                    s.Add(CompCh, x.Tick(bar, e * 2), Ppq * 3 / 4, tones[order[e % order.Length] % tones.Length], x.Vel(e % 2 == 0 ? 70 : 60));
                break;
            case CompStyle.Strum:
                var strokes = Enumerable.Range(0, strum.Length).Where(i => strum[i] is 'D' or 'U').ToArray();
                for (int i = 0; i < strokes.Length; i++)
                {
                    int e = strokes[i];
                    long start = x.Tick(bar, e * 2), end = i + 1 < strokes.Length ? x.Tick(bar, strokes[i + 1] * 2) : t0 + bt;
                    bool down = strum[e] == 'D';
                    int[] notes = down ? [.. v, v[0] + 12] : [v[^1], v[0] + 12];
                    for (int n = 0; n < notes.Length; n++)
                        s.Add(CompCh, start + n * 8, end - start - n * 8 - 5, notes[down ? n : notes.Length - 1 - n], x.Vel(down ? 82 : 62));
                }
                break;
            case CompStyle.Skank:
                for (int st = 4; st < steps; st += 8)
                    foreach (int k in v) s.Add(CompCh, x.Tick(bar, st), Ppq / 4, k + 12, x.Vel(80));
                break;
            case CompStyle.Stabs:
                for (int st = 0; st < steps; st++)
                    if (stabs[st % stabs.Length] == 'x')
                        foreach (int k in v) s.Add(CompCh, x.Tick(bar, st), Ppq / 5, k + 12, x.Vel(84));
                break;
            case CompStyle.PowerChord:
                int rootLow = c.RootKey(x.Tonic, 40);
                int[] power = [rootLow, rootLow + 7, rootLow + 12];
                bool gallop = x.Artist.Bass == BassStyle.Gallop;
                string pat = gallop ? "x.xxx.xxx.xxx.xx" : "x.x.x.x.x.x.x.x.";
                for (int st = 0; st < steps; st++)
                    if (pat[st % 16] == 'x')
                        foreach (int k in power) s.Add(CompCh, x.Tick(bar, st), gallop ? Ppq / 5 : Ppq / 2 - 20, k, x.Vel(st % 4 == 0 ? 100 : 80));
                break;
            case CompStyle.JazzComp:
                var rootless = v.Skip(1).Append(v[0] + 14).ToArray();
                int count = x.Rng.Between(1, 3);
                var positions = Enumerable.Range(0, steps / 2).Select(e => e * 2).ToList();
                x.Rng.Shuffle(positions);
                foreach (int st in positions.Take(count).Order())
                    foreach (int k in rootless) s.Add(CompCh, x.Tick(bar, st), Ppq * x.Rng.Between(1, 3) / 2, k, x.Vel(62));
                break;
            case CompStyle.Shuffle:
                int r = c.RootKey(x.Tonic, 40);
                for (int beat = 0; beat < x.Plan.BeatsPerBar; beat++)
                {
                    int upper = beat % 2 == 0 ? 7 : 9;
                    foreach (int k in new[] { r, r + 7 }) s.Add(CompCh, x.Tick(bar, beat * 4), Ppq / 2, k, x.Vel(80));
                    foreach (int k in new[] { r, r + upper }) s.Add(CompCh, x.Tick(bar, beat * 4 + 2), Ppq / 3, k, x.Vel(66));
                }
                break;
        }
    }

    private static void Bass(Ctx x, int bar, Chord c, Chord next)
    {
        var s = x.Song;
        int root = c.RootKey(x.Tonic, 28);
        int third = root + c.Intervals[1];
        int fifth = root + 7;
        long bt = s.TicksPerBar, t0 = bar * bt;
        int beats = x.Plan.BeatsPerBar, steps = x.StepsPerBar;
        switch (x.Artist.Bass)
        {
            case BassStyle.Sustain:
                if (beats == 3) s.Add(BassCh, t0, bt - 10, root, x.Vel(78));
                else
                {
                    s.Add(BassCh, t0, bt / 2 - 10, root, x.Vel(80));
                    s.Add(BassCh, t0 + bt / 2, bt / 2 - 10, x.Rng.Chance(0.5) ? root : fifth, x.Vel(72));
                }
                break;
            case BassStyle.RootFifth:
                s.Add(BassCh, t0, Ppq - 40, root, x.Vel(90));
                s.Add(BassCh, t0 + (beats == 3 ? 2 : 2) * Ppq, Ppq - 40, x.Rng.Chance(0.7) ? fifth - 12 : fifth, x.Vel(84));
                break;
            case BassStyle.Walking:
                int nextRoot = next.RootKey(x.Tonic, 28);
                for (int beat = 0; beat < beats; beat++)
                {
                    int k = beat == 0 ? root
                        : beat == beats - 1 ? nextRoot + (x.Rng.Chance(0.5) ? 1 : -1)
                        : root + c.Intervals[x.Rng.Next(c.Intervals.Length)] + (x.Rng.Chance(0.3) ? 2 : 0);
                    s.Add(BassCh, t0 + beat * Ppq, Ppq - 30, k, x.Vel(beat == 0 ? 92 : 82));
                }
                break;
            case BassStyle.Boogie:
                int[] boogie = [0, c.Intervals[1], 7, 9, 10, 9, 7, c.Intervals[1]];
                for (int e = 0; e < steps / 2; e++) s.Add(BassCh, x.Tick(bar, e * 2), Ppq / 2 - 30, root + boogie[e % 8], x.Vel(e % 2 == 0 ? 90 : 76));
                break;
            case BassStyle.Octave:
                for (int e = 0; e < steps / 2; e++) s.Add(BassCh, x.Tick(bar, e * 2), Ppq / 2 - 60, root + (e % 2) * 12, x.Vel(e % 2 == 0 ? 96 : 84));
                break;
            case BassStyle.Eighths:
                for (int e = 0; e < steps / 2; e++)
                    s.Add(BassCh, x.Tick(bar, e * 2), Ppq / 2 - 30, e == steps / 2 - 1 && x.Rng.Chance(0.3) ? fifth : root, x.Vel(e % 2 == 0 ? 96 : 80));
                break;
            case BassStyle.Gallop:
                for (int st = 0; st < steps; st++)
                    if ("x.xxx.xxx.xxx.xx"[st % 16] == 'x') s.Add(BassCh, x.Tick(bar, st), Ppq / 5, root, x.Vel(st % 4 == 0 ? 100 : 84));
                break;
            case BassStyle.Reggae:
                string rp = "..x.x..x..x.x...";
                int[] figure = [root, root, fifth, root + 12, fifth, root];
                int i = 0;
                for (int st = 0; st < steps; st++)
                    if (rp[st % 16] == 'x') s.Add(BassCh, x.Tick(bar, st), Ppq / 2, figure[i++ % figure.Length], x.Vel(92));
                break;
            case BassStyle.Sparse:
                s.Add(BassCh, t0, Ppq * 5 / 2, root, x.Vel(100));
                if (steps > 10) s.Add(BassCh, x.Tick(bar, 10), Ppq * 3 / 2, x.Rng.Chance(0.6) ? root : fifth, x.Vel(90));
                break;
        }
    }

    private static void Layer(Ctx x, int bar, Chord c)
    {
        var s = x.Song;
        long bt = s.TicksPerBar, t0 = bar * bt;
        if (SustainedPrograms.Contains(x.Artist.LayerProgram))
        {
            foreach (int k in c.Voicing(x.Tonic, 60).Take(3)) s.Add(LayerCh, t0, bt - 5, k, x.Vel(52));
            return;
        }
        if (bar % 2 == 0 || !x.Rng.Chance(x.Artist.Density)) return;
        var v = c.Voicing(x.Tonic, 67);
        int steps = x.StepsPerBar;
        for (int e = steps / 4; e < steps / 2; e++)
            if (x.Rng.Chance(0.7)) s.Add(LayerCh, x.Tick(bar, e * 2), Ppq / 2, v[x.Rng.Next(v.Length)], x.Vel(70));
    }

    private static void Drums(Ctx x, int bar, DrumPattern p, bool fill, bool crash)
    {
        var s = x.Song;
        int steps = Math.Min(p.Steps, x.StepsPerBar);
        int fillFrom = fill ? steps - 4 : steps;
        foreach (var (key, lane) in p.Lanes)
            for (int st = 0; st < Math.Min(steps, fillFrom); st++)
            {
                int v = DrumPattern.Velocity(lane[st]);
                if (v == 0 || (lane[st] == 'o' && !x.Rng.Chance(0.8))) continue;
                s.Add(DrumCh, x.Tick(bar, st), Ppq / 8, key, x.Vel(v));
            }
        if (fill)
        {
            int[] toms = [DrumPattern.Snare, DrumPattern.HighTom, DrumPattern.LowTom, DrumPattern.LowTom];
            for (int st = fillFrom; st < steps; st++)
                s.Add(DrumCh, x.Tick(bar, st), Ppq / 8, toms[st - fillFrom], x.Vel(80 + 8 * (st - fillFrom)));
        }
        if (crash)
        {
            s.Add(DrumCh, x.Tick(bar, 0), Ppq, DrumPattern.Crash, x.Vel(105));
            s.Add(DrumCh, x.Tick(bar, 0), Ppq / 8, DrumPattern.Kick, x.Vel(100));
        }
    }
}
