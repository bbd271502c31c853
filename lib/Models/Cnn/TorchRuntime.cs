using System.Runtime.InteropServices;
using TorchSharp;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Process-wide TorchSharp settings for the CNN: device (<c>cuda</c> when available, else <c>cpu</c>), intra-op
/// threads, seeding of torch's global generator (weight init, dropout), and the native allocator tuning below.
/// </summary>
public static class TorchRuntime
{
    static TorchRuntime() => NativeAllocatorTuned = TuneNativeAllocator();

    /// <summary>The device to use: CUDA when the CUDA build of libtorch is present and a GPU is visible, else CPU.</summary>
    public static torch.Device Device => torch.cuda.is_available() ? torch.CUDA : torch.CPU;

    /// <summary>
    /// True when glibc's allocator was told to keep freed memory instead of returning it to the kernel (see
    /// <see cref="TuneNativeAllocator"/>); false on other platforms or when <c>ALCHEMY_MALLOC_TUNING=0</c>.
    /// </summary>
    public static bool NativeAllocatorTuned { get; }

    /// <summary>Sets torch's intra-op threads; <paramref name="threads"/> ≤ 0 means <see cref="Environment.ProcessorCount"/>.</summary>
    public static void SetThreads(int threads = 0) => torch.set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);

    /// <summary>Seeds torch's global generator (CPU and, when present, CUDA).</summary>
    public static void Seed(long seed)
    {
        torch.manual_seed(seed);
        if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);
    }

    /// <summary>
    /// libtorch's CPU tensors come from <c>malloc</c>. With glibc's defaults every activation buffer above the mmap
    /// threshold (a conv output of a 32-crop batch is 34 MB) is a fresh <c>mmap</c> that the kernel zero-fills page by
    /// page and <c>munmap</c>s after the batch: measured on the 2-core machine, 100k page faults per second and 40 % of
    /// the training time in the kernel. <c>mallopt(M_MMAP_MAX, 0)</c> and a large <c>M_TRIM_THRESHOLD</c> make glibc
    /// serve them from the heap and reuse the memory: one epoch of the 200-track synthetic set went from 24.1 s to
    /// 4.8 s, with identical losses (only where memory comes from changes). The cost is that the process keeps its
    /// peak native memory until it exits. Linux/glibc only; <c>ALCHEMY_MALLOC_TUNING=0</c> turns it off.
    /// </summary>
    /// <returns>Whether the settings were applied.</returns>
    private static bool TuneNativeAllocator()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("ALCHEMY_MALLOC_TUNING") == "0") return false;
        try
        {
            return mallopt(MTrimThreshold, int.MaxValue) == 1 && mallopt(MMmapMax, 0) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): keep the defaults
        }
    }

    private const int MTrimThreshold = -1, MMmapMax = -4;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int param, int value);
}
