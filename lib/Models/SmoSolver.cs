namespace AudioAlchemy.Models;

/// <summary>
/// libsvm's <c>Solver</c> for the C-SVC dual: min ½αᵀQα − eᵀα, 0 ≤ αᵢ ≤ Cᵢ, yᵀα = 0, with Qᵢⱼ = yᵢyⱼK(xᵢ,xⱼ).
/// Sequential minimal optimisation with the second-order working-set selection of Fan, Chen &amp; Lin (2005,
/// libsvm's WSS 3), shrinking (every min(l, 1000) iterations, unshrinking once when the gap falls under 10·eps),
/// gradient reconstruction, stopping when the maximal violation m(α) − M(α) &lt; eps. Index order, tie rules
/// (≥ comparisons) and the clipping of the two-variable update are libsvm's, so the iterates follow libsvm's.
/// </summary>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private const byte Lower = 0, Upper = 1, Free = 2;
    private readonly int _l;
    private readonly KernelCache _cache;
    private readonly int[] _orig;      // problem row -> cache row
    private readonly double _eps;
    private readonly bool _shrinking;
    private int[] _activeSet = [];
    private sbyte[] _y = [];
    private double[] _alpha = [], _g = [], _gBar = [], _p = [], _qd = [], _c = [];
    private byte[] _status = [];
    private int _activeSize;
    private bool _unshrink;
    private float[] _qi = [], _qj = [];

    public SmoSolver(KernelCache cache, int[] rows, double eps, bool shrinking)
    {
        _cache = cache;
        _orig = rows;
        _l = rows.Length;
        _eps = eps;
        _shrinking = shrinking;
    }

    /// <summary>Iterations of the last solve.</summary>
    public int Iterations { get; private set; }

    /// <summary>Solves with labels <paramref name="y"/> (±1), per-row bounds from Cp (y=+1) / Cn (y=−1).
    /// Returns α (original order) and ρ (the decision function is Σ αᵢyᵢK(xᵢ,x) − ρ).</summary>
    public (double[] Alpha, double Rho) Solve(sbyte[] y, double cp, double cn, int maxIter = -1)
    {
        int l = _l;
        _y = (sbyte[])y.Clone();
        _alpha = new double[l];
        _p = Enumerable.Repeat(-1.0, l).ToArray();
        _c = y.Select(v => v > 0 ? cp : cn).ToArray();
        _qd = new double[l];
        for (int i = 0; i < l; i++) _qd[i] = _cache.Diagonal[_orig[i]];
        _status = new byte[l];
        for (int i = 0; i < l; i++) UpdateStatus(i);
        _activeSet = Enumerable.Range(0, l).ToArray();
        _activeSize = l;
        _unshrink = false;
        _qi = new float[l];
        _qj = new float[l];
        _g = (double[])_p.Clone();
        _gBar = new double[l];
        // alpha = 0: gradient = p, G_bar = 0.
        int iter = 0;
        int max = maxIter > 0 ? maxIter : Math.Max(10_000_000, l > int.MaxValue / 100 ? int.MaxValue : 100 * l);
        int counter = Math.Min(l, 1000) + 1;
        while (iter < max)
        {
            if (--counter == 0)
            {
                counter = Math.Min(l, 1000);
                if (_shrinking) DoShrinking();
            }
            if (!SelectWorkingSet(out int i, out int j))
            {
                ReconstructGradient();
                _activeSize = l;
                if (!SelectWorkingSet(out i, out j)) break;
                counter = 1;
            }
            iter++;
            var qi = GetQ(i, _activeSize, _qi);
            var qj = GetQ(j, _activeSize, _qj);
            double ci = _c[i], cj = _c[j];
            double oldAi = _alpha[i], oldAj = _alpha[j];
            if (_y[i] != _y[j])
            {
                double quad = _qd[i] + _qd[j] + 2 * qi[j];
                if (quad <= 0) quad = Tau;
                double delta = (-_g[i] - _g[j]) / quad;
                double diff = _alpha[i] - _alpha[j];
                _alpha[i] += delta;
                _alpha[j] += delta;
                if (diff > 0) { if (_alpha[j] < 0) { _alpha[j] = 0; _alpha[i] = diff; } }
                else { if (_alpha[i] < 0) { _alpha[i] = 0; _alpha[j] = -diff; } }
                if (diff > ci - cj) { if (_alpha[i] > ci) { _alpha[i] = ci; _alpha[j] = ci - diff; } }
                else { if (_alpha[j] > cj) { _alpha[j] = cj; _alpha[i] = cj + diff; } }
            }
            else
            {
                double quad = _qd[i] + _qd[j] - 2 * qi[j];
                if (quad <= 0) quad = Tau;
                double delta = (_g[i] - _g[j]) / quad;
                double sum = _alpha[i] + _alpha[j];
                _alpha[i] -= delta;
                _alpha[j] += delta;
                if (sum > ci) { if (_alpha[i] > ci) { _alpha[i] = ci; _alpha[j] = sum - ci; } }
                else { if (_alpha[j] < 0) { _alpha[j] = 0; _alpha[i] = sum; } }
                if (sum > cj) { if (_alpha[j] > cj) { _alpha[j] = cj; _alpha[i] = sum - cj; } }
                else { if (_alpha[i] < 0) { _alpha[i] = 0; _alpha[j] = sum; } }
            }
            double dAi = _alpha[i] - oldAi, dAj = _alpha[j] - oldAj;
            var g = _g;
            for (int k = 0; k < _activeSize; k++) g[k] += qi[k] * dAi + qj[k] * dAj;
            bool ui = _status[i] == Upper, uj = _status[j] == Upper;
            UpdateStatus(i);
            UpdateStatus(j);
            if (ui != (_status[i] == Upper))
            {
                qi = GetQ(i, l, _qi);
                double s = ui ? -ci : ci;
                for (int k = 0; k < l; k++) _gBar[k] += s * qi[k];
            }
            if (uj != (_status[j] == Upper))
            {
                qj = GetQ(j, l, _qj);
                double s = uj ? -cj : cj;
                for (int k = 0; k < l; k++) _gBar[k] += s * qj[k];
            }
        }
        if (iter >= max && _activeSize < l)
        {
            ReconstructGradient();
            _activeSize = l;
        }
        Iterations = iter;
        double rho = CalculateRho();
        var result = new double[l];
        for (int i = 0; i < l; i++) result[_activeSet[i]] = _alpha[i];
        return (result, rho);
    }

    private void UpdateStatus(int i) => _status[i] = _alpha[i] >= _c[i] ? Upper : _alpha[i] <= 0 ? Lower : Free;

    /// <summary>Q row of position i for positions 0..len-1 (libsvm's get_Q), into <paramref name="buf"/>.</summary>
    private float[] GetQ(int i, int len, float[] buf)
    {
        var row = _cache.Row(_orig[_activeSet[i]]);
        var act = _activeSet;
        var orig = _orig;
        if (_y[i] > 0) for (int k = 0; k < len; k++) buf[k] = _y[k] > 0 ? row[orig[act[k]]] : -row[orig[act[k]]];
        else for (int k = 0; k < len; k++) buf[k] = _y[k] > 0 ? -row[orig[act[k]]] : row[orig[act[k]]];
        return buf;
    }

    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        double gmax = double.NegativeInfinity, gmax2 = double.NegativeInfinity, objDiffMin = double.PositiveInfinity;
        int gmaxIdx = -1, gminIdx = -1;
        for (int t = 0; t < _activeSize; t++)
        {
            if (_y[t] == +1) { if (_status[t] != Upper && -_g[t] >= gmax) { gmax = -_g[t]; gmaxIdx = t; } }
            else if (_status[t] != Lower && _g[t] >= gmax) { gmax = _g[t]; gmaxIdx = t; }
        }
        int i = gmaxIdx;
        float[]? qi = i != -1 ? GetQ(i, _activeSize, _qi) : null;
        for (int j = 0; j < _activeSize; j++)
        {
            if (_y[j] == +1)
            {
                if (_status[j] == Lower) continue;
                double gradDiff = gmax + _g[j];
                if (_g[j] >= gmax2) gmax2 = _g[j];
                if (gradDiff > 0)
                {
                    double quad = _qd[i] + _qd[j] - 2.0 * _y[i] * qi![j];
                    double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                    if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                }
            }
            else
            {
                if (_status[j] == Upper) continue;
                double gradDiff = gmax - _g[j];
                if (-_g[j] >= gmax2) gmax2 = -_g[j];
                if (gradDiff > 0)
                {
                    double quad = _qd[i] + _qd[j] + 2.0 * _y[i] * qi![j];
                    double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                    if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                }
            }
        }
        outI = gmaxIdx;
        outJ = gminIdx;
        return !(gmax + gmax2 < _eps || gminIdx == -1);
    }

    private bool BeShrunk(int i, double gmax1, double gmax2)
    {
        if (_status[i] == Upper) return _y[i] == +1 ? -_g[i] > gmax1 : -_g[i] > gmax2;
        if (_status[i] == Lower) return _y[i] == +1 ? _g[i] > gmax2 : _g[i] > gmax1;
        return false;
    }

    private void DoShrinking()
    {
        double gmax1 = double.NegativeInfinity, gmax2 = double.NegativeInfinity;
        for (int i = 0; i < _activeSize; i++)
        {
            if (_y[i] == +1)
            {
                if (_status[i] != Upper && -_g[i] >= gmax1) gmax1 = -_g[i];
                if (_status[i] != Lower && _g[i] >= gmax2) gmax2 = _g[i];
            }
            else
            {
                if (_status[i] != Upper && -_g[i] >= gmax2) gmax2 = -_g[i];
                if (_status[i] != Lower && _g[i] >= gmax1) gmax1 = _g[i];
            }
        }
        if (!_unshrink && gmax1 + gmax2 <= _eps * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _l;
        }
        for (int i = 0; i < _activeSize; i++)
        {
            if (!BeShrunk(i, gmax1, gmax2)) continue;
            _activeSize--;
            while (_activeSize > i)
            {
                if (!BeShrunk(_activeSize, gmax1, gmax2)) { Swap(i, _activeSize); break; }
                _activeSize--;
            }
        }
    }

    private void Swap(int i, int j)
    {
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_g[i], _g[j]) = (_g[j], _g[i]);
        (_status[i], _status[j]) = (_status[j], _status[i]);
        (_alpha[i], _alpha[j]) = (_alpha[j], _alpha[i]);
        (_p[i], _p[j]) = (_p[j], _p[i]);
        (_activeSet[i], _activeSet[j]) = (_activeSet[j], _activeSet[i]);
        (_gBar[i], _gBar[j]) = (_gBar[j], _gBar[i]);
        (_qd[i], _qd[j]) = (_qd[j], _qd[i]);
        (_c[i], _c[j]) = (_c[j], _c[i]);
    }

    private void ReconstructGradient()
    {
        int l = _l;
        if (_activeSize == l) return;
        for (int j = _activeSize; j < l; j++) _g[j] = _gBar[j] + _p[j];
        int nrFree = 0;
        for (int j = 0; j < _activeSize; j++) if (_status[j] == Free) nrFree++;
        if ((long)nrFree * l > 2L * _activeSize * (l - _activeSize))
        {
            for (int i = _activeSize; i < l; i++)
            {
                var qi = GetQ(i, _activeSize, _qi);
                for (int j = 0; j < _activeSize; j++) if (_status[j] == Free) _g[i] += _alpha[j] * qi[j];
            }
        }
        else
        {
            for (int i = 0; i < _activeSize; i++)
            {
                if (_status[i] != Free) continue;
                var qi = GetQ(i, l, _qi);
                double a = _alpha[i];
                for (int j = _activeSize; j < l; j++) _g[j] += a * qi[j];
            }
        }
    }

    private double CalculateRho()
    {
        int nrFree = 0;
        double ub = double.PositiveInfinity, lb = double.NegativeInfinity, sumFree = 0;
        for (int i = 0; i < _activeSize; i++)
        {
            double yG = _y[i] * _g[i];
            if (_status[i] == Upper) { if (_y[i] == -1) ub = Math.Min(ub, yG); else lb = Math.Max(lb, yG); }
            else if (_status[i] == Lower) { if (_y[i] == +1) ub = Math.Min(ub, yG); else lb = Math.Max(lb, yG); }
            else { nrFree++; sumFree += yG; }
        }
        return nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
    }
}
