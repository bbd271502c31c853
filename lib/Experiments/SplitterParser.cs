using System.Globalization;

namespace AudioAlchemy.Experiments;

/// <summary>
/// Parses a cross-validation spec: <c>stratified:K</c>, <c>stratified:K:shuffle:SEED</c>, <c>group:K</c>,
/// <c>stratified-group:K</c> (optionally <c>:shuffle:SEED</c>), <c>loo</c>, and scikit-learn's
/// RepeatedStratifiedKFold as <c>stratified:K:repeats:R</c> (random_state = <c>seed</c>) or
/// <c>stratified:K:repeats:R:seed:S</c>.
/// </summary>
public static class SplitterParser
{
    /// <summary>The splitter for <paramref name="spec"/>; a bad spec is an error listing the accepted forms.
    /// <paramref name="seed"/> is the random_state of <c>stratified:K:repeats:R</c> without its own seed.</summary>
    public static ISplitter Parse(string spec, int seed = 0)
    {
        var p = spec.Trim().ToLowerInvariant().Split(':');
        int K(int i) => p.Length > i && int.TryParse(p[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) && k >= 2
            ? k : throw Bad(spec);
        (bool shuffle, int seed) Shuf(int i) => p.Length <= i ? (false, 0)
            : p[i] == "shuffle" && p.Length == i + 2 && int.TryParse(p[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? (true, s)
            : throw Bad(spec);
        switch (p[0])
        {
            case "stratified" when p.Length > 2 && p[2] == "repeats":
            {
                int r = p.Length > 3 && int.TryParse(p[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int rr) && rr >= 1 ? rr : throw Bad(spec);
                int s = p.Length == 4 ? seed
                    : p.Length == 6 && p[4] == "seed" && int.TryParse(p[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out int ss) ? ss
                    : throw Bad(spec);
                return new RepeatedStratifiedKFold(K(1), r, s);
            }
            case "stratified": { var (sh, s) = Shuf(2); return new StratifiedKFold(K(1), sh, s); }
            case "group": if (p.Length != 2) throw Bad(spec); return new GroupKFold(K(1));
            case "stratified-group": { var (sh, s) = Shuf(2); return new StratifiedGroupKFold(K(1), sh, s); }
            case "loo": if (p.Length != 1) throw Bad(spec); return new LeaveOneOut();
            default: throw Bad(spec);
        }
    }

    private static AlchemyException Bad(string spec) => new(
        $"--cv '{spec}' not understood; use stratified:K[:shuffle:SEED], stratified:K:repeats:R[:seed:S], group:K, stratified-group:K[:shuffle:SEED] or loo");
}
