using TorchSharp;
using static TorchSharp.torch;

namespace AudioAlchemy.Models.Cnn;

/// <summary>
/// Creates tensors that own a copy of managed data. <c>torch.tensor(array)</c> may alias the managed array, which
/// gave sporadic garbage (NaN losses) under GC pressure; every CNN input goes through these copies instead.
/// </summary>
internal static class TensorCopy
{
    /// <summary>A new float32 tensor of <paramref name="shape"/> holding a copy of <paramref name="data"/>.</summary>
    public static Tensor Float(float[] data, params long[] shape)
    {
        var t = torch.empty(shape, ScalarType.Float32);
        t.data<float>().CopyFrom(data, 0, 0);
        return t;
    }

    /// <summary>A new 1-D int64 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor Long(long[] data)
    {
        var t = torch.empty([data.Length], ScalarType.Int64);
        t.data<long>().CopyFrom(data, 0, 0);
        return t;
    }
}
