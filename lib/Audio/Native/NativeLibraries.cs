using System.Reflection;
using System.Runtime.InteropServices;

namespace AudioAlchemy.Audio.Native;

/// <summary>
/// Resolves the logical native library names used in <c>[DllImport]</c> ("sndfile", "soxr") to the platform's
/// file names: <c>libsndfile.so.1</c> / <c>sndfile.dll</c> / <c>libsndfile.dylib</c> and likewise soxr.
/// A missing library becomes a <see cref="NativeLibraryMissingException"/> that says what to install.
/// </summary>
public static class NativeLibraries
{
    /// <summary>Logical name of libsndfile.</summary>
    public const string SndFile = "sndfile";

    /// <summary>Logical name of libsoxr.</summary>
    public const string Soxr = "soxr";

    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>Install hints per logical library.</summary>
    public static string InstallHint(string library) => library switch
    {
        SndFile => "Debian/Ubuntu: sudo apt-get install libsndfile1 · Windows: put sndfile.dll (libsndfile 1.1+ release, or vcpkg libsndfile[mpeg]) next to the program or on PATH · macOS: brew install libsndfile",
        Soxr => "Debian/Ubuntu: sudo apt-get install libsoxr0 · Windows: put soxr.dll (vcpkg soxr) next to the program or on PATH · macOS: brew install libsoxr",
        _ => library,
    };

    /// <summary>Candidate file names for a logical library on the current platform, most specific first.</summary>
    public static IReadOnlyList<string> Candidates(string library)
    {
        if (OperatingSystem.IsWindows())
            return [$"{library}.dll", $"lib{library}.dll", $"lib{library}-1.dll", $"lib{library}-0.dll"];
        if (OperatingSystem.IsMacOS())
            return [$"lib{library}.dylib", $"/opt/homebrew/lib/lib{library}.dylib", $"/usr/local/lib/lib{library}.dylib"];
        return library switch
        {
            SndFile => ["libsndfile.so.1", "libsndfile.so"],
            Soxr => ["libsoxr.so.0", "libsoxr.so"],
            _ => [$"lib{library}.so"],
        };
    }

    /// <summary>Registers the resolver for this assembly (idempotent, thread-safe).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered) return;
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
            registered = true;
        }
    }

    /// <summary>Loads a logical library now, throwing <see cref="NativeLibraryMissingException"/> when absent.</summary>
    public static IntPtr Load(string library)
    {
        foreach (var name in Candidates(library))
        {
            if (NativeLibrary.TryLoad(name, typeof(NativeLibraries).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out var handle))
                return handle;
        }
        throw new NativeLibraryMissingException(library, InstallHint(library));
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
        => name is SndFile or Soxr ? Load(name) : IntPtr.Zero;
}
