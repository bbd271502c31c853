using System.Runtime.InteropServices;

namespace AudioAlchemy.Audio.Native;

/// <summary>Layout of <c>soxr_io_spec_t</c> (soxr.h 0.1.3).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SoxrIoSpec
{
    public int InputType;
    public int OutputType;
    public double Scale;
    public IntPtr E;
    public CULong Flags;
}

/// <summary>Layout of <c>soxr_quality_spec_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SoxrQualitySpec
{
    public double Precision;
    public double PhaseResponse;
    public double PassbandEnd;
    public double StopbandBegin;
    public IntPtr E;
    public CULong Flags;
}

/// <summary>Layout of <c>soxr_runtime_spec_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SoxrRuntimeSpec
{
    public uint Log2MinDftSize;
    public uint Log2LargeDftSize;
    public uint CoefSizeKbytes;
    public uint NumThreads;
    public IntPtr E;
    public CULong Flags;
}

/// <summary>Raw P/Invoke declarations for libsoxr. Use <see cref="SoxrResampler"/> instead.</summary>
internal static partial class SoxrInterop
{
    internal const int Float32Interleaved = 0;

    static SoxrInterop() => NativeLibraries.EnsureRegistered();

    [LibraryImport(NativeLibraries.Soxr, EntryPoint = "soxr_create")]
    internal static partial IntPtr Create(double inputRate, double outputRate, uint numChannels, out IntPtr error,
        in SoxrIoSpec ioSpec, in SoxrQualitySpec qualitySpec, in SoxrRuntimeSpec runtimeSpec);

    [LibraryImport(NativeLibraries.Soxr, EntryPoint = "soxr_process")]
    internal static unsafe partial IntPtr Process(IntPtr resampler, float* input, nuint inputLength, out nuint inputDone,
        float* output, nuint outputLength, out nuint outputDone);

    [LibraryImport(NativeLibraries.Soxr, EntryPoint = "soxr_delete")]
    internal static partial void Delete(IntPtr resampler);

    [LibraryImport(NativeLibraries.Soxr, EntryPoint = "soxr_io_spec")]
    internal static partial SoxrIoSpec IoSpec(int inputType, int outputType);

    [LibraryImport(NativeLibraries.Soxr, EntryPoint = "soxr_quality_spec")]
    internal static partial SoxrQualitySpec QualitySpec(CULong recipe, CULong flags);

    [LibraryImport(NativeLibraries.Soxr, EntryPoint = "soxr_runtime_spec")]
    internal static partial SoxrRuntimeSpec RuntimeSpec(uint numThreads);

    internal static string? ErrorText(IntPtr error) => error == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(error);
}
