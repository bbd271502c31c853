using System.Security.Cryptography;
using System.Text;

namespace AudioAlchemy;

/// <summary>
/// The identity of some content: lowercase hex SHA-256 (64 digits) of a file's bytes or of a text's UTF-8 bytes. Two
/// files with the same bytes have the same key wherever they live; one changed byte gives another key. This is the
/// first part of every <see cref="ContentCache"/> entry name.
/// </summary>
public static class ContentKey
{
    /// <summary>Number of hex digits of a key.</summary>
    public const int Length = 64;

    /// <summary>
    /// The key of the file at <paramref name="path"/>, hashed while streaming (constant memory). The path is first checked
    /// with <see cref="InputFile.RequireReadable"/>, so a FIFO, a device or a folder throws <see cref="AlchemyException"/>
    /// instead of blocking or never ending.
    /// </summary>
    public static string OfFile(string path)
    {
        InputFile.RequireReadable(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The key of <paramref name="text"/> (its UTF-8 bytes).</summary>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="key"/> looks like a key: 64 lowercase hex digits.</summary>
    public static bool IsValid(string? key) => key is { Length: Length } && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
