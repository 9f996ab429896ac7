namespace Assay.Learn.Models;

/// <summary>
/// A fitted classifier over dense features that data-valuation and attribution methods can
/// differentiate. Features are row-major (N, D) spans; labels are class ids in [0, K).
/// Parameters are one flat vector (layout documented by each model); per-example quantities are
/// of the unregularised cross-entropy, while <see cref="Objective"/> and
/// <see cref="HessianVectorProduct"/> are of the training objective (mean cross-entropy + L2/2 |W|^2).
/// </summary>
public interface IDifferentiableClassifier
{
    int FeatureCount { get; }
    int ClassCount { get; }
    int ParameterCount { get; }
    ReadOnlySpan<float> Parameters { get; }

    /// <summary>probs (N, K) = softmax of the model's logits for x (N, D).</summary>
    void PredictProba(ReadOnlySpan<float> x, Span<float> probs);

    /// <summary>losses (N) = -log p(y_i | x_i).</summary>
    void PerExampleLoss(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> losses);

    /// <summary>grads (N, P) = d(-log p(y_i | x_i)) / d(parameters), one row per example.</summary>
    void PerExampleGradients(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> grads);

    /// <summary>Training objective on (x, y): mean cross-entropy + L2/2 |weights|^2 (biases unpenalised).</summary>
    double Objective(ReadOnlySpan<float> x, ReadOnlySpan<int> y);

    /// <summary>grad (P) = d Objective / d parameters.</summary>
    void ObjectiveGradient(ReadOnlySpan<float> x, ReadOnlySpan<int> y, Span<float> grad);

    /// <summary>hv (P) = H v, H the Hessian of <see cref="Objective"/> on (x, y) at the fitted parameters.</summary>
    void HessianVectorProduct(ReadOnlySpan<float> x, ReadOnlySpan<int> y, ReadOnlySpan<float> v, Span<float> hv);
}
