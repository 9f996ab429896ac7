using Assay.Valuation.Data;

namespace Assay.Valuation.Methods;

/// <summary>A data valuation method: assigns each training point a value with respect to a test (validation) set.</summary>
public interface IDataValuator
{
    /// <summary>Registered, versioned method name (e.g. "knn-shapley").</summary>
    string Name { get; }

    ValuationResult Value(DenseData train, DenseData test, IProgress<double>? progress = null, CancellationToken cancellationToken = default);
}
