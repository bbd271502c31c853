using System.Runtime.InteropServices;

namespace AudioAlchemy;

/// <summary>
/// The one check every reader runs before it hashes, opens or decodes an input path: the path must exist, be a regular
/// file (a FIFO blocks forever, <c>/dev/zero</c> never ends, a folder is not data) and be readable. Cheap (one
/// <c>stat</c> and one open/close), so batch jobs call it per item before any work and skip the item with the message.
/// </summary>
public static partial class InputFile
{
    /// <summary>What <paramref name="path"/> is, without opening it (so a FIFO is never blocked on).</summary>
    public static InputFileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0) return InputFileKind.Missing;
        if (!OperatingSystem.IsWindows() && UnixMode(path) is { } mode)
        {
            return (mode & 0xF000) switch
            {
                0x8000 => InputFileKind.Regular,
                0x4000 => InputFileKind.Directory,
                0x1000 => InputFileKind.Fifo,
                0x2000 => InputFileKind.CharacterDevice,
                0x6000 => InputFileKind.BlockDevice,
                0xC000 => InputFileKind.Socket,
                _ => InputFileKind.Other,
            };
        }
        if (System.IO.Directory.Exists(path)) return InputFileKind.Directory;
        if (!File.Exists(path)) return InputFileKind.Missing;
        return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? InputFileKind.CharacterDevice : InputFileKind.Regular;
    }

    /// <summary>
    /// Null when <paramref name="path"/> is a readable regular file, else the reason without the path ("file not found",
    /// "is a FIFO (named pipe), not a regular file", "permission denied", ...). <paramref name="kind"/> is what the path is.
    /// </summary>
    public static string? Problem(string path, out InputFileKind kind)
    {
        kind = KindOf(path);
        switch (kind)
        {
            case InputFileKind.Missing: return "file not found";
            case InputFileKind.Directory: return "is a directory, not a file";
            case InputFileKind.Fifo: return "is a FIFO (named pipe), not a regular file; reading it would block";
            case InputFileKind.CharacterDevice: return "is a character device (e.g. /dev/zero), not a regular file";
            case InputFileKind.BlockDevice: return "is a block device, not a regular file";
            case InputFileKind.Socket: return "is a socket, not a regular file";
            case InputFileKind.Other: return "is not a regular file";
        }
        try
        {
            using var _ = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            return null;
        }
        catch (UnauthorizedAccessException) { return "permission denied (cannot open for reading)"; }
        catch (IOException e) { return $"cannot open for reading: {e.Message}"; }
    }

    /// <summary>
    /// Throws <see cref="AlchemyException"/> ("&lt;path&gt;: &lt;reason&gt;", <paramref name="what"/> prefixed when given)
    /// unless <paramref name="path"/> is a readable regular file; returns the path.
    /// </summary>
    public static string RequireReadable(string path, string? what = null)
    {
        if (Problem(path, out _) is { } why) throw new AlchemyException(what is null ? $"{path}: {why}" : $"{what} {path}: {why}");
        return path;
    }

    /// <summary>st_mode of <paramref name="path"/> (following links) from the .NET runtime's own stat shim, or null when
    /// the path does not exist or the shim is unavailable.</summary>
    private static unsafe int? UnixMode(string path)
    {
        // System.Native's FileStatus starts with int32 Flags, int32 Mode; the rest of the struct (about 120 bytes in
        // .NET 10) lands in a generous buffer so a future field cannot overrun it.
        byte* buffer = stackalloc byte[512];
        try
        {
            return SystemNativeStat(path, buffer) == 0 ? *(int*)(buffer + 4) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path) ? 0x8000 : System.IO.Directory.Exists(path) ? 0x4000 : null;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int SystemNativeStat(string path, byte* output);
}
