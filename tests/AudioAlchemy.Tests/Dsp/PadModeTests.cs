using AudioAlchemy.Dsp;
using AudioAlchemy.Features;

namespace AudioAlchemy.Tests.Dsp;

/// <summary>Window and pad mode are enums: every named mode works, an undefined value is one ParameterException.</summary>
public class PadModeTests
{
    [Fact]
    public void PadModes_DifferOnlyAtTheEnds_AndUndefinedValuesAreRefused()
    {
        var y = Enumerable.Range(0, 4096).Select(i => (float)Math.Sin(i * 0.05) + 0.3f).ToArray();
        var spectra = Enum.GetValues<PadMode>().Select(m => new Stft(new StftOptions(512, 128, PadMode: m)).Spectrogram(y)).ToArray();
        Assert.Equal(3, spectra.Length);
        for (int a = 0; a < 3; a++)
            for (int b = a + 1; b < 3; b++)
            {
                Assert.NotEqual(spectra[a][5, 0], spectra[b][5, 0]);                       // first frame sees the padding
                Assert.Equal(spectra[a][5, 16], spectra[b][5, 16], 4);                     // an interior frame does not
            }
        Assert.Throws<ParameterException>(() => new StftOptions(PadMode: (PadMode)7).Validate());
        Assert.Throws<ParameterException>(() => new StftOptions(Window: (WindowKind)9).Validate());
        Assert.Throws<ParameterException>(() => Feature.Rms(y, padMode: (PadMode)5));
        Assert.NotEqual(new StftOptions(Window: WindowKind.Ones).BuildWindow()[256], new StftOptions().BuildWindow()[1]);
    }
}
