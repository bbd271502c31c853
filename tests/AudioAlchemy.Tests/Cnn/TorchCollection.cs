namespace AudioAlchemy.Tests.Cnn;

/// <summary>Tests that train networks share torch's global generator and thread setting: run them alone.</summary>
[CollectionDefinition("Torch", DisableParallelization = true)]
public sealed class TorchCollection;
