using TorchSharp;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Process-wide TorchSharp settings for the CNN: device (<c>cuda</c> when available, else <c>cpu</c>), intra-op
/// threads, and seeding of torch's global generator (weight init, dropout).
/// </summary>
public static class TorchRuntime
{
    /// <summary>The device to use: CUDA when the CUDA build of libtorch is present and a GPU is visible, else CPU.</summary>
    public static torch.Device Device => torch.cuda.is_available() ? torch.CUDA : torch.CPU;

    /// <summary>Sets torch's intra-op threads; <paramref name="threads"/> ≤ 0 means <see cref="Environment.ProcessorCount"/>.</summary>
    public static void SetThreads(int threads = 0) => torch.set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);

    /// <summary>Seeds torch's global generator (CPU and, when present, CUDA).</summary>
    public static void Seed(long seed)
    {
        torch.manual_seed(seed);
        if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);
    }
}
