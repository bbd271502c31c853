using TorchSharp;
using static TorchSharp.torch;

namespace AudioAlchemy.Tests.Models;

/// <summary>TorchSharp loads on this OS (the GLIBCXX_3.4.32 version need is weakened in the output copy) and runs a conv.</summary>
public class TorchLoadTests
{
    [Fact]
    public void Conv2d_Forward_RunsOnCpu()
    {
        torch.manual_seed(1);
        using var conv = nn.Conv2d(1, 4, kernel_size: 3, padding: 1);
        using var x = torch.ones(2, 1, 8, 8);
        using var y = conv.forward(x);
        Assert.Equal(new long[] { 2, 4, 8, 8 }, y.shape);
        Assert.True(float.IsFinite(y.sum().item<float>()));
        using var w = torch.tensor(new float[] { 1, 2, 3 });
        Assert.Equal(14f, (w * w).sum().item<float>());
    }
}
