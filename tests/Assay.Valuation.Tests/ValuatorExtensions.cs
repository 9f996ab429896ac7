using Assay.Valuation.Data;
using Assay.Valuation.Methods;

namespace Assay.Valuation.Tests;

internal static class ValuatorExtensions
{
    /// <summary>Runs the method with the test's cancellation token.</summary>
    public static ValuationResult Run(this IDataValuator method, DenseData train, DenseData test) =>
        method.Value(train, test, null, TestContext.Current.CancellationToken);
}
