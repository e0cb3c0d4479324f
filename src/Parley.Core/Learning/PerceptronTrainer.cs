namespace Parley.Learning;

/// <summary>
/// Trains a <see cref="SequenceModel"/> with the averaged structured perceptron (Collins 2002): decode
/// each training sequence with the current weights, and where the prediction differs from the gold labels
/// add the gold features and subtract the predicted ones. The returned weights are the average over all
/// steps, which generalises far better than the last ones. Training is deterministic for a given seed
/// (it only decides the order in which sequences are visited in each epoch).
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly int _n;
    private readonly IReadOnlyList<string> _labels;
    private readonly bool[] _allowed;
    private readonly bool[] _allowedEnd;
    private readonly Dictionary<ulong, int> _vocabulary = new();
    private readonly List<int> _counts = new();
    private readonly List<Example> _examples = new();

    private sealed record Example(int[] Features, int[] Ends, int[] Gold);

    /// <summary>Creates a trainer for <paramref name="labels"/> with the legal transitions of the task (see <see cref="SpanTagScheme.Constraints"/>).</summary>
    public PerceptronTrainer(IReadOnlyList<string> labels, bool[] allowedTransitions, bool[] allowedEnd)
    {
        _labels = labels;
        _n = labels.Count;
        _allowed = allowedTransitions;
        _allowedEnd = allowedEnd;
    }

    /// <summary>Features seen fewer times than this in the training data are dropped (smaller model, less noise). Default 1.</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>Number of training sequences added.</summary>
    public int Count => _examples.Count;

    /// <summary>Number of distinct features seen so far.</summary>
    public int FeatureCount => _vocabulary.Count;

    /// <summary>Adds a training sequence: its features and gold labels (one per position).</summary>
    public void Add(FeatureSequence sequence, ReadOnlySpan<int> gold)
    {
        if (gold.Length != sequence.Length) throw new ArgumentException("One gold label per position is required.", nameof(gold));
        var features = new int[sequence.FeatureCount];
        var ends = new int[sequence.Length];
        int k = 0;
        for (int i = 0; i < sequence.Length; i++)
        {
            foreach (ulong f in sequence.At(i))
            {
                if (!_vocabulary.TryGetValue(f, out int row))
                {
                    row = _vocabulary.Count;
                    _vocabulary.Add(f, row);
                    _counts.Add(0);
                }
                _counts[row]++;
                features[k++] = row;
            }
            ends[i] = k;
        }
        for (int i = 0; i < gold.Length; i++)
            if ((uint)gold[i] >= (uint)_n) throw new ArgumentOutOfRangeException(nameof(gold), $"Label {gold[i]} is not one of the {_n} labels.");
        _examples.Add(new Example(features, ends, gold.ToArray()));
    }

    /// <summary>
    /// Trains for up to <paramref name="epochs"/> epochs. After each epoch the averaged model is passed to
    /// <paramref name="evaluate"/> (higher is better, e.g. dev F1); the best epoch's model is returned.
    /// Without <paramref name="evaluate"/> the last epoch's averaged model is returned.
    /// </summary>
    public SequenceModel Train(int epochs, int seed, string metadata, Func<SequenceModel, double>? evaluate = null, Action<string>? log = null)
    {
        if (_examples.Count == 0) throw new InvalidOperationException("No training sequences were added.");
        int rows = _vocabulary.Count;
        // Rare features get row -1: they are never scored or updated.
        var keep = new int[rows];
        int kept = 0;
        for (int r = 0; r < rows; r++) keep[r] = _counts[r] >= MinFeatureCount ? kept++ : -1;
        var examples = _examples.Select(e => e with { Features = e.Features.Select(f => keep[f]).ToArray() }).ToArray();
        var keys = new ulong[kept];
        foreach (var (key, row) in _vocabulary) if (keep[row] >= 0) keys[keep[row]] = key;

        int n = _n;
        var w = new float[kept * n];
        var u = new double[kept * n];      // sum of step × update, for averaging: avg = w - u / steps
        var t = new float[(n + 1) * n];
        var tu = new double[(n + 1) * n];
        var end = _allowedEnd.Select(a => a ? 0f : -1e30f).ToArray();
        var tDecode = new float[t.Length];
        var predecessors = SequenceModel.Predecessors(_allowed, n);
        long step = 1;
        var order = Enumerable.Range(0, examples.Length).ToArray();
        var rng = new SplitMix(seed);
        SequenceModel? best = null;
        double bestScore = double.NegativeInfinity;
        int bestEpoch = 0;
        float[] emissions = new float[64 * n];
        int[] predicted = new int[64];

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = (int)(rng.Next() % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
            int errors = 0, positions = 0;
            foreach (int index in order)
            {
                var ex = examples[index];
                int length = ex.Gold.Length;
                if (emissions.Length < length * n) emissions = new float[length * n * 2];
                if (predicted.Length < length) predicted = new int[length * 2];
                for (int i = 0; i < t.Length; i++) tDecode[i] = _allowed[i] ? t[i] : -1e30f;
                int start = 0;
                for (int i = 0; i < length; i++)
                {
                    var scores = emissions.AsSpan(i * n, n);
                    scores.Clear();
                    for (int k = start; k < ex.Ends[i]; k++)
                    {
                        int f = ex.Features[k];
                        if (f >= 0) SequenceModel.AddRow(w.AsSpan(f * n, n), scores);
                    }
                    start = ex.Ends[i];
                }
                SequenceModel.Viterbi(emissions, length, n, tDecode, end, predecessors, predicted);
                positions += length;
                start = 0;
                for (int i = 0; i < length; i++)
                {
                    int g = ex.Gold[i], p = predicted[i];
                    if (g != p)
                    {
                        errors++;
                        for (int k = start; k < ex.Ends[i]; k++)
                        {
                            int f = ex.Features[k];
                            if (f < 0) continue;
                            w[f * n + g] += 1; u[f * n + g] += step;
                            w[f * n + p] -= 1; u[f * n + p] -= step;
                        }
                    }
                    int gp = i == 0 ? n : ex.Gold[i - 1], pp = i == 0 ? n : predicted[i - 1];
                    if (gp != pp || g != p)
                    {
                        t[gp * n + g] += 1; tu[gp * n + g] += step;
                        t[pp * n + p] -= 1; tu[pp * n + p] -= step;
                    }
                    start = ex.Ends[i];
                }
                step++;
            }
            var model = Averaged(w, u, t, tu, step, keys, metadata);
            double score = evaluate?.Invoke(model) ?? epoch;
            log?.Invoke($"epoch {epoch}: token error rate {(double)errors / Math.Max(1, positions):P2}" + (evaluate is null ? "" : $", dev {score:F2}"));
            if (score > bestScore)
            {
                bestScore = score;
                best = model;
                bestEpoch = epoch;
            }
        }
        log?.Invoke($"best epoch {bestEpoch} ({bestScore:F2})");
        return best!;
    }

    private SequenceModel Averaged(float[] w, double[] u, float[] t, double[] tu, long steps, ulong[] keys, string metadata)
    {
        int n = _n;
        // Drop rows whose averaged weights are all zero: they cannot change a decision.
        var rowsKept = new List<int>();
        var avg = new float[w.Length];
        for (int r = 0; r < keys.Length; r++)
        {
            bool any = false;
            for (int y = 0; y < n; y++)
            {
                float a = (float)(w[r * n + y] - u[r * n + y] / steps);
                avg[r * n + y] = a;
                any |= Math.Abs(a) > 1e-4f;
            }
            if (any) rowsKept.Add(r);
        }
        var weights = new float[rowsKept.Count * n];
        var finalKeys = new ulong[rowsKept.Count];
        for (int i = 0; i < rowsKept.Count; i++)
        {
            finalKeys[i] = keys[rowsKept[i]];
            Array.Copy(avg, rowsKept[i] * n, weights, i * n, n);
        }
        var transitions = new float[t.Length];
        for (int i = 0; i < t.Length; i++) transitions[i] = (float)(t[i] - tu[i] / steps);
        return new SequenceModel(_labels, new FeatureTable(finalKeys), weights, transitions, _allowed, _allowedEnd, metadata);
    }

    /// <summary>A tiny deterministic generator (SplitMix64), independent of the runtime's Random implementation.</summary>
    private struct SplitMix(int seed)
    {
        private ulong _state = (ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

        /// <summary>The next pseudo-random number.</summary>
        public ulong Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
