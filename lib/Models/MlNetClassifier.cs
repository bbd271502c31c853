using Microsoft.ML;
using Microsoft.ML.Data;

namespace AudioAlchemy.Models;

/// <summary>
/// Base of the ML.NET-backed classifiers: converts float[][] + codes to an <see cref="IDataView"/> with a
/// <c>Features</c> vector column and a <c>Code</c> column mapped to the key <c>Label</c> by value order (so score
/// column k is code k; codes must cover 0..nClasses-1, which the cross-validation's per-fold encoder ensures), trains the estimator from <see cref="CreateTrainer"/> in a <c>new MLContext(seed)</c>, and reads the
/// <c>Score</c> vector back as probabilities (renormalised to sum 1).
/// </summary>
public abstract class MlNetClassifier : IClassifier
{
    private ITransformer? _model;
    private int _nClasses;
    private int _nFeatures;

    /// <summary>Creates the wrapper with the seed for <see cref="MLContext"/>.</summary>
    protected MlNetClassifier(int seed) => Seed = seed;

    /// <summary>Seed of the ML context.</summary>
    protected int Seed { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The multiclass trainer reading <c>Features</c> and <c>Label</c>.</summary>
    protected abstract IEstimator<ITransformer> CreateTrainer(MLContext ml);

    /// <inheritdoc />
    public void Fit(float[][] x, int[] y, int nClasses)
    {
        ClassifierExtensions.Validate(Name, x, y, nClasses);
        var ml = new MLContext(Seed);
        _nClasses = nClasses;
        _nFeatures = x[0].Length;
        var data = ToDataView(ml, x, y);
        try
        {
            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Code",
                keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Append(CreateTrainer(ml));
            _model = pipeline.Fit(data);
            var present = y.Distinct().Count();
            if (present != nClasses) throw new AlchemyException($"{Name}: training codes must cover 0..{nClasses - 1} (got {present} distinct)");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or DllNotFoundException or EntryPointNotFoundException)
        {
            throw new AlchemyException($"{Name}: ML.NET training failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public double[][] PredictProba(float[][] x)
    {
        if (_model is null) throw new InvalidOperationException($"{Name}: Fit before PredictProba");
        var ml = new MLContext(Seed);
        var scored = _model.Transform(ToDataView(ml, x, null));
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        return scores.Select(s =>
        {
            var p = new double[_nClasses];
            for (int c = 0; c < Math.Min(s.Length, _nClasses); c++) p[c] = s[c];
            return ClassifierExtensions.Normalize(p);
        }).ToArray();
    }

    private IDataView ToDataView(MLContext ml, float[][] x, int[]? y)
    {
        var rows = x.Select((r, i) =>
        {
            if (r.Length != _nFeatures) throw new AlchemyException($"{Name}: row {i} has {r.Length} features, expected {_nFeatures}");
            return new Row { Features = r, Code = y is null ? 0u : (uint)y[i] };
        });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _nFeatures);
        return ml.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public uint Code { get; set; }
    }
}
