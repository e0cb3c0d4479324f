using Parley.Learning;

namespace Parley.Tests.Learning;

/// <summary>
/// The vectorised decoder of <see cref="SequenceModel"/> against the plain scalar Viterbi the trainer uses: the same
/// labels and score, on label counts that fill whole vectors or part of one, with many ties (small integer
/// weights), with and without a second pass's extra features, and with a label that no transition reaches.
/// </summary>
public sealed class SequenceDecodingTests
{
    public static TheoryData<int, string> Cases => new()
    {
        { 1, "bilou" }, { 2, "bilou" }, { 3, "bilou" }, { 4, "bilou" }, // 5 to 17 labels: statements use 13, entities 17
        { 2, "all" }, { 7, "all" }, { 3, "unreachable" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vectorised_decoding_matches_the_scalar_viterbi(int types, string constraints)
    {
        var scheme = new SpanTagScheme(Enumerable.Range(0, types).Select(t => $"T{t}").ToArray());
        int n = scheme.Labels.Count;
        var (allowed, allowedEnd) = scheme.Constraints();
        if (constraints == "all") { Array.Fill(allowed, true); Array.Fill(allowedEnd, true); }
        if (constraints == "unreachable") for (int p = 0; p <= n; p++) allowed[p * n + 1] = false; // no predecessor: all of them are tried

        var random = new Random(types * 31 + constraints.Length);
        const int features = 40;
        var weights = new float[features * n];
        for (int i = 0; i < weights.Length; i++) weights[i] = random.Next(-2, 3);
        var transitions = new float[(n + 1) * n];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = random.Next(-2, 3);
        var keys = Enumerable.Range(1, features).Select(k => (ulong)k * 0x9E3779B97F4A7C15UL).ToArray();
        var model = new SequenceModel(scheme.Labels, new FeatureTable(keys), weights, transitions, allowed, allowedEnd, "test");

        var predecessors = SequenceModel.Predecessors(model.AllowedTransitions, n);
        var scaledTransitions = new float[(n + 1) * n];
        for (int p = 0; p <= n; p++) for (int y = 0; y < n; y++) scaledTransitions[p * n + y] = model.Transition(p, y);
        var end = model.AllowedEnd.Select(a => a ? 0f : -1e30f).ToArray();

        for (int trial = 0; trial < 200; trial++)
        {
            int length = random.Next(1, 40);
            var rows = new List<int>();
            var extraRows = new List<int>();
            var ends = new int[length];
            var extraEnds = new int[length];
            var emissions = new float[length * n];
            bool extra = trial % 2 == 1; // a second pass's own features besides the shared ones
            for (int i = 0; i < length; i++)
            {
                for (int k = random.Next(0, extra ? 6 : 4); k > 0; k--)
                {
                    int row = random.Next(-1, features); // -1: an unknown feature
                    (extra && k % 2 == 0 ? extraRows : rows).Add(row);
                    if (row >= 0) for (int y = 0; y < n; y++) emissions[i * n + y] += model.Weight(row, y);
                }
                ends[i] = rows.Count;
                extraEnds[i] = extraRows.Count;
            }
            var expected = new int[length];
            float expectedScore = SequenceModel.Viterbi(emissions, length, n, scaledTransitions, end, predecessors, expected);
            var actual = new int[length];
            float score = extra
                ? model.DecodeRows(rows.ToArray(), ends, extraRows.ToArray(), extraEnds, actual)
                : model.DecodeRows(rows.ToArray(), ends, default, default, actual);
            Assert.Equal(expected, actual);
            Assert.Equal(expectedScore, score);
        }
    }
}
