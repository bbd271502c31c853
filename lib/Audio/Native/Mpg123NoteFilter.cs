using System.Runtime.InteropServices;
using System.Text;

namespace AudioAlchemy.Audio.Native;

/// <summary>
/// libsndfile decodes MP3 with libmpg123, which prints "Note: Illegal Audio-MPEG-Header ..." / "Note: Trying to
/// resync..." straight to file descriptor 2 and offers no switch through libsndfile. While at least one MPEG decoder
/// is open (reference counted), fd 2 points at a pipe whose reader forwards every line except mpg123's <c>Note:</c>
/// lines to the real stderr; when the last decoder closes, fd 2 is restored and the pipe drained before returning,
/// so nothing else written to stderr is lost or reordered within a line. Damage those notes describe is reported as
/// an <see cref="AudioFileException"/> instead. Unix only; a no-op elsewhere or when the pipe cannot be made.
/// </summary>
internal static partial class Mpg123NoteFilter
{
    private static readonly object Gate = new();
    private static int users;
    private static int savedStderr = -1;
    private static int readEnd = -1;
    private static Thread? pump;

    /// <summary>True for names libsndfile hands to its MPEG decoder.</summary>
    public static bool IsMpegName(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".mp3" or ".mp2" or ".mp1" or ".mpga" or ".mpeg" or ".mpg";

    /// <summary>Starts filtering (if not already) until the returned lease is disposed.</summary>
    public static IDisposable Enter()
    {
        if (OperatingSystem.IsWindows()) return Lease.None;
        lock (Gate)
        {
            if (users == 0 && !Start()) return Lease.None;
            users++;
        }
        return new Lease();
    }

    private static bool Start()
    {
        var fds = new int[2];
        if (Pipe(fds) != 0) return false;
        int saved = Dup(2);
        if (saved < 0 || Dup2(fds[1], 2) < 0)
        {
            Close(fds[0]); Close(fds[1]); if (saved >= 0) Close(saved);
            return false;
        }
        Close(fds[1]);
        savedStderr = saved;
        readEnd = fds[0];
        pump = new Thread(() => Pump(readEnd, savedStderr)) { IsBackground = true, Name = "mpg123 note filter" };
        pump.Start();
        return true;
    }

    private static void Stop()
    {
        Dup2(savedStderr, 2); // closes the pipe's last write end: the pump sees end-of-file after draining
        pump?.Join(TimeSpan.FromSeconds(5));
        Close(readEnd);
        Close(savedStderr);
        readEnd = savedStderr = -1;
        pump = null;
    }

    private static unsafe void Pump(int from, int to)
    {
        var buffer = new byte[4096];
        var line = new List<byte>();
        while (true)
        {
            long n;
            fixed (byte* p = buffer) n = Read(from, p, buffer.Length);
            if (n <= 0) break;
            for (int i = 0; i < n; i++)
            {
                line.Add(buffer[i]);
                if (buffer[i] == (byte)'\n') { Forward(line, to); line.Clear(); }
            }
        }
        if (line.Count > 0) Forward(line, to);
    }

    private static unsafe void Forward(List<byte> line, int to)
    {
        var bytes = line.ToArray();
        if (Encoding.UTF8.GetString(bytes).StartsWith("Note: ", StringComparison.Ordinal)) return;
        fixed (byte* p = bytes) Write(to, p, bytes.Length);
    }

    private sealed class Lease : IDisposable
    {
        public static readonly IDisposable None = new NoLease();
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            lock (Gate) { if (--users == 0) Stop(); }
        }
    }

    private sealed class NoLease : IDisposable
    {
        public void Dispose() { }
    }

    [LibraryImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static partial int Pipe([Out] int[] fds);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int fd, int fd2);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nint count);
}
