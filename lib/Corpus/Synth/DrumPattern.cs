namespace AudioAlchemy.Corpus.Synth;

/// <summary>
/// One bar of drums on a grid of <see cref="Steps"/> equal steps (16 in 4/4, 12 in 3/4). Each lane maps a
/// General-MIDI drum key to a string with one character per step: <c>X</c> accent, <c>x</c> hit, <c>o</c> ghost,
/// anything else rest.
/// </summary>
/// <param name="Name">Short name for logs.</param>
/// <param name="Lanes">GM drum key → step string.</param>
public sealed record DrumPattern(string Name, IReadOnlyDictionary<int, string> Lanes)
{
    /// <summary>GM drum keys used by the patterns.</summary>
    public const int Kick = 36, SideStick = 37, Snare = 38, Clap = 39, ClosedHat = 42, PedalHat = 44, OpenHat = 46,
        LowTom = 45, HighTom = 50, Crash = 49, Ride = 51, Tambourine = 54, Cowbell = 56, Shaker = 70;

    /// <summary>Steps per bar (the length of every lane string).</summary>
    public int Steps => Lanes.Values.First().Length;

    /// <summary>Builds a pattern from (key, steps) pairs.</summary>
    public static DrumPattern Of(string name, params (int Key, string Steps)[] lanes)
    {
        if (lanes.Select(l => l.Steps.Length).Distinct().Count() != 1) throw new ParameterException($"drum pattern '{name}': lanes differ in length");
        return new DrumPattern(name, lanes.ToDictionary(l => l.Key, l => l.Steps));
    }

    /// <summary>Velocity for a step character, or 0 for a rest.</summary>
    public static int Velocity(char c) => c switch { 'X' => 118, 'x' => 96, 'o' => 52, _ => 0 };
}
