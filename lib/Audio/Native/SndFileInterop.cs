using System.Runtime.InteropServices;

namespace AudioAlchemy.Audio.Native;

/// <summary>Layout of libsndfile's <c>SF_INFO</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SfInfo
{
    public long Frames;
    public int SampleRate;
    public int Channels;
    public int Format;
    public int Sections;
    public int Seekable;
}

/// <summary>Raw P/Invoke declarations for libsndfile (see sndfile.h). Use <see cref="AudioFile"/> instead.</summary>
internal static partial class SndFileInterop
{
    internal const int SfmRead = 0x10;
    internal const int SfmWrite = 0x20;
    internal const int SeekSet = 0;

    internal const int FormatWav = 0x010000;
    internal const int FormatMpeg = 0x230000;
    internal const int FormatTypeMask = 0x0FFF0000;
    internal const int FormatSubMask = 0x0000FFFF;
    internal const int FormatPcmS8 = 0x0001;
    internal const int FormatPcm16 = 0x0002;
    internal const int FormatPcm24 = 0x0003;
    internal const int FormatPcm32 = 0x0004;
    internal const int FormatPcmU8 = 0x0005;
    internal const int FormatFloat = 0x0006;
    internal const int FormatDouble = 0x0007;
    internal const int FormatMpegLayerIII = 0x0082;

    internal const int SfcGetFormatInfo = 0x1028;
    internal const int SfcSetCompressionLevel = 0x1301;
    internal const int SfcSetBitrateMode = 0x1305;
    internal const int SfcSetClipping = 0x10C0;
    internal const int SfcSetAddPeakChunk = 0x1050;
    internal const int BitrateModeConstant = 0;

    static SndFileInterop() => NativeLibraries.EnsureRegistered();

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_open", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr Open(string path, int mode, ref SfInfo info);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_wchar_open", StringMarshalling = StringMarshalling.Utf16)]
    internal static partial IntPtr WcharOpen(string path, int mode, ref SfInfo info);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_close")]
    internal static partial int Close(IntPtr handle);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_readf_float")]
    internal static unsafe partial long ReadFramesFloat(IntPtr handle, float* buffer, long frames);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_writef_float")]
    internal static unsafe partial long WriteFramesFloat(IntPtr handle, float* buffer, long frames);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_seek")]
    internal static partial long Seek(IntPtr handle, long frames, int whence);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_strerror")]
    internal static partial IntPtr StrError(IntPtr handle);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_error")]
    internal static partial int Error(IntPtr handle);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_command")]
    internal static unsafe partial int Command(IntPtr handle, int command, void* data, int dataSize);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_format_check")]
    internal static partial int FormatCheck(ref SfInfo info);

    [LibraryImport(NativeLibraries.SndFile, EntryPoint = "sf_version_string")]
    internal static partial IntPtr VersionString();

    internal static string LastError(IntPtr handle) => Marshal.PtrToStringUTF8(StrError(handle)) ?? "unknown libsndfile error";
}
