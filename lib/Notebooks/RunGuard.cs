using System.Runtime.InteropServices;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// While a notebook runs, turns the ways a process can die under it into one last save of what ran: SIGINT and
/// SIGTERM (then the process still terminates as the signal asks), <see cref="Environment.Exit"/> called by a cell
/// (<see cref="AppDomain.ProcessExit"/>), and an exception nobody catches on a background thread
/// (<see cref="AppDomain.UnhandledException"/>). <c>kill -9</c> cannot be caught; the per-cell save covers it.
/// The callback runs at most once.
/// </summary>
internal sealed class RunGuard : IDisposable
{
    private readonly Action<string, string> _onStop;
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _fired;

    /// <summary>Installs the hooks; <paramref name="onStop"/> gets (error name, message).</summary>
    public RunGuard(Action<string, string> onStop)
    {
        _onStop = onStop;
        foreach (var (signal, label) in new[] { (PosixSignal.SIGINT, "SIGINT"), (PosixSignal.SIGTERM, "SIGTERM") })
        {
            try
            {
                _signals.Add(PosixSignalRegistration.Create(signal, _ => Fire("Interrupted", $"{label} received while this cell ran; the run was stopped")));
            }
            catch (PlatformNotSupportedException)
            {
                // no POSIX signals here (e.g. a browser host): the per-cell save still applies
            }
        }
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandled;
    }

    /// <summary>True once a stop was recorded (the normal end of the run must not overwrite it).</summary>
    public bool Fired => Volatile.Read(ref _fired) != 0;

    private void OnProcessExit(object? sender, EventArgs e) =>
        Fire("ProcessExit", $"the process exited (Environment.Exit, exit code {Environment.ExitCode}) while this cell ran");

    private void OnUnhandled(object? sender, UnhandledExceptionEventArgs e) =>
        Fire(e.ExceptionObject.GetType().Name, $"unhandled exception on a background thread: {(e.ExceptionObject as Exception)?.Message ?? e.ExceptionObject.ToString()}");

    private void Fire(string name, string message)
    {
        if (Interlocked.Exchange(ref _fired, 1) != 0) return;
        try
        {
            _onStop(name, message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AlchemyException or InvalidOperationException)
        {
            Console.Error.WriteLine($"notebook: could not save the partial notebook: {e.Message}");
        }
    }

    /// <summary>Removes the hooks.</summary>
    public void Dispose()
    {
        foreach (var s in _signals) s.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandled;
    }
}
