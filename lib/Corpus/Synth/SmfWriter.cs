namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// Writes a <see cref="MidiSong"/> as a Standard MIDI File, format 1: track 0 holds tempo and time signature, then one
/// track per used channel with program, volume and notes. Events at the same tick are ordered note-offs first, then
/// note-ons by key, so the bytes depend only on the song.
/// </summary>
public static class SmfWriter
{
    /// <summary>Encodes the song to SMF bytes.</summary>
    public static byte[] ToBytes(MidiSong song)
    {
        using var ms = new MemoryStream();
        var channels = song.Notes.Select(n => n.Channel).Concat(song.Programs.Keys).Distinct().Order().ToList();
        WriteChunk(ms, "MThd", [0, 1, (byte)((channels.Count + 1) >> 8), (byte)(channels.Count + 1),
            (byte)(song.TicksPerQuarter >> 8), (byte)song.TicksPerQuarter]);
        WriteChunk(ms, "MTrk", ConductorTrack(song));
        foreach (int ch in channels) WriteChunk(ms, "MTrk", ChannelTrack(song, ch));
        return ms.ToArray();
    }

    /// <summary>Writes the song to <paramref name="path"/>.</summary>
    public static void Write(string path, MidiSong song) => File.WriteAllBytes(path, ToBytes(song));

    private static byte[] ConductorTrack(MidiSong song)
    {
        var t = new List<byte>();
        int usPerQuarter = (int)Math.Round(60_000_000.0 / song.TempoBpm);
        Event(t, 0, [0xFF, 0x51, 3, (byte)(usPerQuarter >> 16), (byte)(usPerQuarter >> 8), (byte)usPerQuarter]);
        Event(t, 0, [0xFF, 0x58, 4, (byte)song.BeatsPerBar, 2, 24, 8]);
        Event(t, song.LengthTicks, [0xFF, 0x2F, 0]);
        return [.. t];
    }

    private static byte[] ChannelTrack(MidiSong song, int ch)
    {
        var t = new List<byte>();
        long now = 0;
        if (song.Programs.TryGetValue(ch, out int program)) Event(t, 0, [(byte)(0xC0 | ch), (byte)Math.Clamp(program, 0, 127)]);
        Event(t, 0, [(byte)(0xB0 | ch), 7, (byte)Math.Clamp(song.Volumes.GetValueOrDefault(ch, 100), 0, 127)]);
        var events = new List<(long Tick, int Order, int Key, int Velocity)>();
        foreach (var n in song.Notes)
        {
            if (n.Channel != ch || n.StartTick >= song.LengthTicks) continue;
            long end = Math.Min(n.StartTick + n.DurationTicks, song.LengthTicks);
            events.Add((n.StartTick, 1, n.Key, n.Velocity));
            events.Add((end, 0, n.Key, 0));
        }
        events.Sort((a, b) => a.Tick != b.Tick ? a.Tick.CompareTo(b.Tick) : a.Order != b.Order ? a.Order.CompareTo(b.Order)
            : a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Velocity.CompareTo(b.Velocity));
        foreach (var e in events)
        {
            byte status = (byte)((e.Order == 0 ? 0x80 : 0x90) | ch);
            Event(t, e.Tick - now, [status, (byte)e.Key, (byte)(e.Order == 0 ? 64 : e.Velocity)]);
            now = e.Tick;
        }
        Event(t, Math.Max(0, song.LengthTicks - now), [0xFF, 0x2F, 0]);
        return [.. t];
    }

    private static void Event(List<byte> t, long delta, byte[] data)
    {
        WriteVarLen(t, delta);
        t.AddRange(data);
    }

    /// <summary>Appends a MIDI variable-length quantity (7 bits per byte, high bit = more) to <paramref name="t"/>.</summary>
    /// <param name="t">Byte list to append to.</param>
    /// <param name="value">0..0x0FFFFFFF.</param>
    public static void WriteVarLen(List<byte> t, long value)
    {
        if (value < 0 || value > 0x0FFFFFFF) throw new ParameterException($"delta time {value} out of SMF range");
        Span<byte> buf = stackalloc byte[4];
        int n = 0;
        buf[n++] = (byte)(value & 0x7F);
        while ((value >>= 7) > 0) buf[n++] = (byte)((value & 0x7F) | 0x80);
        for (int i = n - 1; i >= 0; i--) t.Add(buf[i]);
    }

    private static void WriteChunk(Stream s, string id, byte[] body)
    {
        foreach (char c in id) s.WriteByte((byte)c);
        s.WriteByte((byte)(body.Length >> 24)); s.WriteByte((byte)(body.Length >> 16));
        s.WriteByte((byte)(body.Length >> 8)); s.WriteByte((byte)body.Length);
        s.Write(body);
    }
}
