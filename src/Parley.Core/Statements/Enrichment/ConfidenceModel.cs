using System.Collections.Immutable;
using System.Text.Json;
using Parley.Documents;
using Parley.Statements.Tagging;

namespace Parley.Statements.Enrichment;

/// <summary>
/// Turns what is known about a finished statement (the attribution tagger's evidence for its cue and source
/// tokens, which spans it has, its kind, its speaker type and channel) into the probability that an annotator
/// marks an attribution with that cue: a logistic regression over <see cref="FeatureNames"/>, fitted on PolNeAR
/// dev by <c>parley train confidence</c>. Its weights belong to one attribution model (the tagger's evidence is on
/// that model's scale), whose MD5 the file records. Immutable and thread-safe.
/// </summary>
public sealed class ConfidenceModel
{
    /// <summary>The default location, relative to the application directory.</summary>
    public const string DefaultRelativePath = "models/statements.confidence.json";

    /// <summary>The features, in weight order (after the bias).</summary>
    public static readonly ImmutableArray<string> FeatureNames =
    [
        "cue evidence above 0", "cue evidence below 0", "cue untagged", "source evidence above 0", "source evidence below 0", "has source",
        "has content", "content tokens (log)", "cue tokens", "cue is punctuation",
        "direct", "indirect", "mixed", "according_to", "belief",
        "person", "organization", "anonymous", "vague", "unknown speaker", "has channel",
    ];

    private static readonly Lazy<ConfidenceModel?> s_default = new(() =>
        File.Exists(DefaultPath) ? Load(DefaultPath) : null);

    /// <summary>Creates a model from its parameters.</summary>
    public ConfidenceModel(double bias, double[] weights, double[] mean, double[] scale, string statementModelMd5, double minimumConfidence = 0)
    {
        if (!(minimumConfidence is >= 0 and < 1)) throw new ArgumentException("The minimum confidence lies in [0, 1).");
        MinimumConfidence = minimumConfidence;
        int n = FeatureNames.Length;
        if (weights.Length != n || mean.Length != n || scale.Length != n) throw new ArgumentException($"A confidence model has {n} weights, means and scales.");
        if (scale.Any(s => !(s > 0)) || weights.Concat(mean).Append(bias).Any(w => !double.IsFinite(w))) throw new ArgumentException("Confidence parameters must be finite, scales positive.");
        Bias = bias;
        Weights = [.. weights];
        Mean = [.. mean];
        Scale = [.. scale];
        StatementModelMd5 = statementModelMd5;
    }

    /// <summary>The intercept.</summary>
    public double Bias { get; }

    /// <summary>Weights of the standardised features.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>Feature means on the fitting data (features are standardised before weighting).</summary>
    public ImmutableArray<double> Mean { get; }

    /// <summary>Feature standard deviations on the fitting data.</summary>
    public ImmutableArray<double> Scale { get; }

    /// <summary>
    /// Statements less likely than this are dropped (<see cref="StatementConfidenceStage"/>); the shipped model keeps
    /// all (0), and <c>--min-confidence</c> sets another threshold (<see cref="ChooseMinimum"/> finds the F1-best one).
    /// </summary>
    public double MinimumConfidence { get; }

    /// <summary>A copy with another <see cref="MinimumConfidence"/>.</summary>
    public ConfidenceModel WithMinimum(double minimumConfidence) =>
        new(Bias, [.. Weights], [.. Mean], [.. Scale], StatementModelMd5, minimumConfidence);

    /// <summary>
    /// The threshold (0 to 0.6 in steps of 0.05) that maximises 2·right / (kept + <paramref name="gold"/>) over the
    /// statements kept (confidence at or above it): the cue F1 when each right statement matches its own gold attribution.
    /// Ties go to the lower threshold.
    /// </summary>
    public static double ChooseMinimum(IReadOnlyList<(double Confidence, bool Correct)> outcomes, int gold)
    {
        double best = 0, bestF1 = -1;
        for (int step = 0; step <= 12; step++)
        {
            double threshold = step * 0.05;
            int kept = 0, right = 0;
            foreach (var (p, correct) in outcomes)
                if (p >= threshold) { kept++; if (correct) right++; }
            double f1 = kept + gold == 0 ? 0 : 2.0 * right / (kept + gold);
            if (f1 > bestF1 + 1e-12) { bestF1 = f1; best = threshold; }
        }
        return best;
    }

    /// <summary>MD5 (lower-case hex) of the statement model file the weights were fitted with.</summary>
    public string StatementModelMd5 { get; }

    /// <summary>Where <see cref="Default"/> loads from: <c>models/statements.confidence.json</c> beside the Parley assemblies.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);

    /// <summary>The shipped model, or null when the file is absent.</summary>
    public static ConfidenceModel? Default => s_default.Value;

    /// <summary>The probability for a feature vector (<see cref="Features"/>).</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        double z = Bias;
        for (int i = 0; i < Weights.Length; i++) z += Weights[i] * (features[i] - Mean[i]) / Scale[i];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// The features of <paramref name="statement"/> in <paramref name="document"/>; <paramref name="evidence"/> is the
    /// tagger's per-token evidence (empty when the tagger did not run: the cue then counts as untagged).
    /// </summary>
    public static double[] Features(Document document, Statement statement, ImmutableArray<TokenEvidence> evidence)
    {
        var x = new double[FeatureNames.Length];
        double cue = double.NegativeInfinity;
        int cueTokens = 0;
        bool punctuation = false;
        if (statement.Cue is { } c)
        {
            var (first, count) = TokenRange(document, c).GetOffsetAndLength(document.Tokens.Length);
            cueTokens = count;
            if (!evidence.IsEmpty)
                for (int t = first; t < first + count; t++) cue = Math.Max(cue, evidence[t].Cue);
            var text = c.GetText(document.Text).AsSpan().Trim();
            punctuation = text.Length == 1 && !char.IsLetterOrDigit(text[0]);
        }
        bool tagged = double.IsFinite(cue);
        if (tagged) { x[0] = Math.Max(0, cue) / 1000; x[1] = Math.Min(0, cue) / 1000; }
        x[2] = tagged ? 0 : 1;
        if (statement.Source is { } s)
        {
            var (first, count) = TokenRange(document, s).GetOffsetAndLength(document.Tokens.Length);
            double sum = 0;
            if (!evidence.IsEmpty)
                for (int t = first; t < first + count; t++) sum += evidence[t].Source;
            double mean = count == 0 || evidence.IsEmpty ? 0 : sum / count;
            x[3] = Math.Max(0, mean) / 1000;
            x[4] = Math.Min(0, mean) / 1000;
            x[5] = 1;
        }
        int contentTokens = 0;
        foreach (var piece in statement.Content) contentTokens += TokenRange(document, piece).GetOffsetAndLength(document.Tokens.Length).Length;
        x[6] = statement.Content.IsEmpty ? 0 : 1;
        x[7] = Math.Log(1 + contentTokens);
        x[8] = cueTokens;
        x[9] = punctuation ? 1 : 0;
        x[10 + (int)statement.Kind] = 1;
        if (statement.Speaker is { } speaker)
            x[speaker.Type switch
            {
                SpeakerType.Person => 15, SpeakerType.Organization => 16, SpeakerType.Anonymous => 17, SpeakerType.Vague => 18, _ => 19,
            }] = 1;
        x[20] = statement.Channel is null ? 0 : 1;
        return x;
    }

    /// <summary>Indices of the tokens that start in <paramref name="span"/> (as <see cref="Document.TokensIn"/>).</summary>
    private static Range TokenRange(Document document, TextSpan span) => document.TokenIndexAt(span.Start)..document.TokenIndexAt(span.End);

    /// <summary>
    /// Fits the model by Newton's method on L2-regularised log loss (<paramref name="l2"/> on the standardised weights,
    /// not the bias). Deterministic.
    /// </summary>
    public static ConfidenceModel Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> correct, string statementModelMd5, double l2 = 1.0)
    {
        int n = FeatureNames.Length, m = features.Count;
        if (m == 0 || correct.Count != m) throw new ArgumentException("Fitting needs as many outcomes as feature vectors, and at least one.");
        var mean = new double[n];
        var scale = new double[n];
        for (int j = 0; j < n; j++)
        {
            double sum = 0, squares = 0;
            foreach (var x in features) { sum += x[j]; squares += x[j] * x[j]; }
            mean[j] = sum / m;
            double variance = squares / m - mean[j] * mean[j];
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }
        int d = n + 1; // bias first
        var z = new double[m][];
        for (int i = 0; i < m; i++)
        {
            z[i] = new double[d];
            z[i][0] = 1;
            for (int j = 0; j < n; j++) z[i][j + 1] = (features[i][j] - mean[j]) / scale[j];
        }
        var w = new double[d];
        for (int iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (int i = 0; i < m; i++)
            {
                double s = 0;
                for (int k = 0; k < d; k++) s += w[k] * z[i][k];
                double p = 1 / (1 + Math.Exp(-s)), r = p - (correct[i] ? 1 : 0), v = p * (1 - p);
                for (int k = 0; k < d; k++)
                {
                    gradient[k] += r * z[i][k];
                    for (int l = 0; l < d; l++) hessian[k, l] += v * z[i][k] * z[i][l];
                }
            }
            for (int k = 1; k < d; k++) { gradient[k] += l2 * w[k]; hessian[k, k] += l2; }
            hessian[0, 0] += 1e-9;
            var step = Solve(hessian, gradient);
            double largest = 0;
            for (int k = 0; k < d; k++) { w[k] -= step[k]; largest = Math.Max(largest, Math.Abs(step[k])); }
            if (largest < 1e-9) break;
        }
        return new ConfidenceModel(w[0], w[1..], mean, scale, statementModelMd5);
    }

    /// <summary>Solves a small symmetric positive-definite system by Gaussian elimination with partial pivoting.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (int k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            for (int r = col + 1; r < n; r++)
            {
                double f = m[r, col] / m[col, col];
                for (int k = col; k < n; k++) m[r, k] -= f * m[col, k];
                x[r] -= f * x[col];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            for (int k = r + 1; k < n; k++) x[r] -= m[r, k] * x[k];
            x[r] /= m[r, r];
        }
        return x;
    }

    private sealed record FileShape(string Description, string StatementModelMd5, double MinimumConfidence, string[] Features, double Bias, double[] Weights, double[] Mean, double[] Scale);

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the model as JSON, with a free-text description of how it was fitted.</summary>
    public void Save(string path, string description)
    {
        var shape = new FileShape(description, StatementModelMd5, MinimumConfidence, [.. FeatureNames], Bias, [.. Weights], [.. Mean], [.. Scale]);
        File.WriteAllText(path, JsonSerializer.Serialize(shape, s_json) + "\n");
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a confidence model of this build's features.</exception>
    public static ConfidenceModel Load(string path)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a confidence model: {e.Message}", e);
        }
        if (shape?.Features is null || shape.Weights is null || shape.Mean is null || shape.Scale is null || shape.StatementModelMd5 is null)
            throw new InvalidDataException($"'{path}' is not a confidence model.");
        if (!shape.Features.SequenceEqual(FeatureNames))
            throw new InvalidDataException($"'{path}' was fitted on other features; refit it (parley train confidence).");
        try
        {
            return new ConfidenceModel(shape.Bias, shape.Weights, shape.Mean, shape.Scale, shape.StatementModelMd5, shape.MinimumConfidence);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{path}': {e.Message}", e);
        }
    }
}
