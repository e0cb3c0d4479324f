using System.Diagnostics;
using Parley.Text;

namespace Parley.Syntax;

/// <summary>Which feature templates a parser uses: all of them, or a smaller set that parses faster.</summary>
public enum ParserFeatures : byte
{
    /// <summary>About 85 templates (Zhang &amp; Nivre-style words, tags, children, labels, valency, distance).</summary>
    Full = 0,
    /// <summary>About 30 templates: tags and a few words; faster, a little less accurate.</summary>
    Fast = 1,
    /// <summary>The full set plus counts of commas and verbs between the stack top, the word below it and the buffer front.</summary>
    Rich = 2,
}

/// <summary>
/// Greedy transition-based dependency parser: the arc-hybrid system with the root at the end of the
/// buffer and a dynamic oracle (Goldberg &amp; Nivre 2013; Honnibal's "Parsing English in 500 lines"),
/// an averaged perceptron choosing SHIFT / LEFT / RIGHT over hashed features, and a second perceptron
/// per arc direction choosing the label. Produces projective trees with exactly one root.
/// Immutable once built: one instance parses on any number of threads.
/// </summary>
public sealed class DependencyParser
{
    internal const string Kind = "parser";
    private const int Version = 1;
    private const int MaxFeatures = 96;
    private const int Shift = 0, Left = 1, Right = 2;

    private static readonly ulong Root = FeatureHash.Chars("<ROOT>");

    private readonly string[] _labels;
    private readonly int _rootLabel;
    private readonly WeightTable _moves;
    private readonly WeightTable _leftLabels;
    private readonly WeightTable _rightLabels;

    [ThreadStatic] private static State? t_state;

    internal DependencyParser(ParserFeatures features, string[] labels, WeightTable moves, WeightTable leftLabels, WeightTable rightLabels)
    {
        FeatureSet = features;
        _labels = labels;
        _rootLabel = Math.Max(0, Array.IndexOf(labels, "root"));
        _moves = moves;
        _leftLabels = leftLabels;
        _rightLabels = rightLabels;
    }

    /// <summary>The label set; label ids index this list.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The feature templates the model was trained with.</summary>
    public ParserFeatures FeatureSet { get; }

    /// <summary>Number of weighted features (moves + labels).</summary>
    public int FeatureCount => _moves.Features + _leftLabels.Features + _rightLabels.Features;

    /// <summary>
    /// Parses one sentence. <paramref name="heads"/> receives each token's head as an index within the
    /// sentence (-1 for the root); <paramref name="labels"/> the label ids.
    /// </summary>
    public void Parse(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<string> tags, Span<int> heads, Span<byte> labels)
    {
        int n = tokens.Length;
        if (tags.Length < n || heads.Length < n || labels.Length < n) throw new ArgumentException("Buffers are shorter than the sentence.");
        var state = t_state ??= new State();
        state.Reset(n);
        Encode(text, tokens, tags, state);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[_moves.Stride];
        Span<float> labelScores = stackalloc float[Math.Max(_leftLabels.Stride, _rightLabels.Stride)];
        while (!state.Done)
        {
            int count = Features(state, FeatureSet, features);
            var f = features[..count];
            scores.Clear();
            _moves.Score(f, scores);
            int move = BestValid(state, scores);
            int label = _rootLabel;
            if (move != Shift && !(move == Left && state.B == n))
            {
                var table = move == Left ? _leftLabels : _rightLabels;
                var ls = labelScores[..table.Stride];
                ls.Clear();
                table.Score(f, ls);
                label = ArgMax(ls[..table.Classes]);
            }
            state.Apply(move, label);
        }
        for (int i = 0; i < n; i++)
        {
            heads[i] = state.Heads[i] == n ? -1 : state.Heads[i];
            labels[i] = (byte)state.Labels[i];
        }
    }

    /// <summary>Parses one sentence and returns heads (-1 = root) and label strings (convenience; allocates).</summary>
    public (int[] Heads, string[] Labels) Parse(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<string> tags)
    {
        var heads = new int[tokens.Length];
        var ids = new byte[tokens.Length];
        Parse(text, tokens, tags, heads, ids);
        var labels = new string[ids.Length];
        for (int i = 0; i < ids.Length; i++) labels[i] = _labels[ids[i]];
        return (heads, labels);
    }

    private static void Encode(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<string> tags, State state)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            var s = text.AsSpan(tokens[i].Start, tokens[i].Length);
            state.Words[i] = PosTagger.IsNumber(s) ? 0x4E554D4245520001UL : FeatureHash.Lower(s);
            state.TagHashes[i] = FeatureHash.Chars(tags[i]) ^ 0x7A6;
        }
        state.Words[tokens.Length] = Root;
        state.TagHashes[tokens.Length] = Root;
        // Prefix counts, so "commas / verbs between i and j" costs two reads.
        int commas = 0, verbs = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            state.CommasBefore[i] = commas;
            state.VerbsBefore[i] = verbs;
            string tag = tags[i];
            if (tag == ",") commas++;
            else if ((tag.Length > 0 && tag[0] == 'V') || tag == "MD") verbs++;
        }
        state.CommasBefore[tokens.Length] = commas;
        state.VerbsBefore[tokens.Length] = verbs;
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int k = 1; k < scores.Length; k++) if (scores[k] > scores[best]) best = k;
        return best;
    }

    private static int BestValid(State s, ReadOnlySpan<float> scores)
    {
        int best = -1;
        for (int m = 0; m < 3; m++)
            if (s.IsValid(m) && (best < 0 || scores[m] > scores[best])) best = m;
        return best;
    }

    /// <summary>The feature keys of the current configuration.</summary>
    private static int Features(State st, ParserFeatures set, Span<ulong> f)
    {
        const ulong none = FeatureHash.None;
        int n = st.N;
        int depth = st.Depth;
        int s0 = depth > 0 ? st.Stack[depth - 1] : -1;
        int s1 = depth > 1 ? st.Stack[depth - 2] : -1;
        int s2 = depth > 2 ? st.Stack[depth - 3] : -1;
        int n0 = st.B;
        int n1 = n0 + 1 <= n ? n0 + 1 : -1;
        int n2 = n0 + 2 <= n ? n0 + 2 : -1;
        int s0l1 = s0 >= 0 ? st.L1[s0] : -1, s0l2 = s0 >= 0 ? st.L2[s0] : -1;
        int s0r1 = s0 >= 0 ? st.R1[s0] : -1, s0r2 = s0 >= 0 ? st.R2[s0] : -1;
        int n0l1 = st.L1[n0], n0l2 = st.L2[n0];

        ulong W(int i) => i >= 0 ? st.Words[i] : none;
        ulong T(int i) => i >= 0 ? st.TagHashes[i] : none;
        ulong L(int i) => i >= 0 ? (ulong)st.Labels[i] + 0x1000 : none;

        ulong wn0 = W(n0), wn1 = W(n1), wn2 = W(n2), ws0 = W(s0), ws1 = W(s1), ws2 = W(s2);
        ulong tn0 = T(n0), tn1 = T(n1), tn2 = T(n2), ts0 = T(s0), ts1 = T(s1), ts2 = T(s2);
        ulong ts0l1 = T(s0l1), ts0l2 = T(s0l2), ts0r1 = T(s0r1), ts0r2 = T(s0r2), tn0l1 = T(n0l1), tn0l2 = T(n0l2);
        ulong ls0l1 = L(s0l1), ls0l2 = L(s0l2), ls0r1 = L(s0r1), ls0r2 = L(s0r2), ln0l1 = L(n0l1), ln0l2 = L(n0l2);
        ulong vs0l = s0 >= 0 ? (ulong)st.LeftCount[s0] : 99, vs0r = s0 >= 0 ? (ulong)st.RightCount[s0] : 99;
        ulong vn0l = (ulong)st.LeftCount[n0];
        ulong d = s0 >= 0 ? (ulong)Math.Min(n0 - s0, 5) : 0;

        int k = 0;
        f[k++] = FeatureHash.Key(0, 0);
        // The fast set: tags around the stack top and buffer front, a few words, distance, child labels.
        f[k++] = FeatureHash.Key(1, wn0);
        f[k++] = FeatureHash.Key(2, wn1);
        f[k++] = FeatureHash.Key(4, ws0);
        f[k++] = FeatureHash.Key(5, ws1);
        f[k++] = FeatureHash.Key(13, tn0);
        f[k++] = FeatureHash.Key(14, tn1);
        f[k++] = FeatureHash.Key(15, tn2);
        f[k++] = FeatureHash.Key(16, ts0);
        f[k++] = FeatureHash.Key(17, ts1);
        f[k++] = FeatureHash.Key(18, ts2);
        f[k++] = FeatureHash.Key(21, ts0l1);
        f[k++] = FeatureHash.Key(23, ts0r1);
        f[k++] = FeatureHash.Key(19, tn0l1);
        f[k++] = FeatureHash.Key(25, wn0, tn0);
        f[k++] = FeatureHash.Key(28, ws0, ts0);
        f[k++] = FeatureHash.Key(30, ws0, wn0);
        f[k++] = FeatureHash.Key(36, ts0, tn0);
        f[k++] = FeatureHash.Key(37, tn0, tn1);
        f[k++] = FeatureHash.Key(40, tn0, tn1, tn2);
        f[k++] = FeatureHash.Key(41, ts0, tn0, tn1);
        f[k++] = FeatureHash.Key(42, ts0, ts1, tn0);
        f[k++] = FeatureHash.Key(53, ts0, vs0r);
        f[k++] = FeatureHash.Key(54, ts0, vs0l);
        f[k++] = FeatureHash.Key(58, ts0, d);
        f[k++] = FeatureHash.Key(59, tn0, d);
        f[k++] = FeatureHash.Key(60, ts0, tn0, d);
        f[k++] = FeatureHash.Key(62, ls0l1);
        f[k++] = FeatureHash.Key(63, ls0r1);
        f[k++] = FeatureHash.Key(64, ln0l1);
        if (set == ParserFeatures.Fast) return k;
        // The full set adds words of children and neighbours, and more conjunctions.
        f[k++] = FeatureHash.Key(3, wn2);
        f[k++] = FeatureHash.Key(6, ws2);
        f[k++] = FeatureHash.Key(7, W(n0l1));
        f[k++] = FeatureHash.Key(8, W(n0l2));
        f[k++] = FeatureHash.Key(9, W(s0l1));
        f[k++] = FeatureHash.Key(10, W(s0l2));
        f[k++] = FeatureHash.Key(11, W(s0r1));
        f[k++] = FeatureHash.Key(12, W(s0r2));
        f[k++] = FeatureHash.Key(20, tn0l2);
        f[k++] = FeatureHash.Key(22, ts0l2);
        f[k++] = FeatureHash.Key(24, ts0r2);
        // Word/tag pairs.
        f[k++] = FeatureHash.Key(26, wn1, tn1);
        f[k++] = FeatureHash.Key(27, wn2, tn2);
        f[k++] = FeatureHash.Key(29, ws1, ts1);
        // Bigrams between the stack top and the buffer front.
        f[k++] = FeatureHash.Key(31, wn0, tn0, ws0);
        f[k++] = FeatureHash.Key(32, wn0, tn0, ts0);
        f[k++] = FeatureHash.Key(33, ws0, ts0, wn0);
        f[k++] = FeatureHash.Key(34, ws0, ts0, tn0);
        f[k++] = FeatureHash.Key(35, FeatureHash.Mix(ws0, ts0), wn0, tn0);
        f[k++] = FeatureHash.Key(38, ws1, ws0);
        f[k++] = FeatureHash.Key(39, ts1, ws0, ts0);
        // Tag trigrams.
        f[k++] = FeatureHash.Key(43, ts0, ts0r1, tn0);
        f[k++] = FeatureHash.Key(44, ts0, tn0, tn0l1);
        f[k++] = FeatureHash.Key(45, ts0, ts0l1, ts0l2);
        f[k++] = FeatureHash.Key(46, ts0, ts0r1, ts0r2);
        f[k++] = FeatureHash.Key(47, tn0, tn0l1, tn0l2);
        f[k++] = FeatureHash.Key(48, ts0, ts1, ts2);
        f[k++] = FeatureHash.Key(49, ts1, ts0, ts0l1);
        // Valency and distance.
        f[k++] = FeatureHash.Key(50, ws0, vs0r);
        f[k++] = FeatureHash.Key(51, ws0, vs0l);
        f[k++] = FeatureHash.Key(52, wn0, vn0l);
        f[k++] = FeatureHash.Key(55, tn0, vn0l);
        f[k++] = FeatureHash.Key(56, ws0, d);
        f[k++] = FeatureHash.Key(57, wn0, d);
        f[k++] = FeatureHash.Key(61, ws0, wn0, d);
        // Labels of the children built so far.
        f[k++] = FeatureHash.Key(65, ts0, ls0l1, ls0l2);
        f[k++] = FeatureHash.Key(66, ts0, ls0r1, ls0r2);
        f[k++] = FeatureHash.Key(67, tn0, ln0l1, ln0l2);
        f[k++] = FeatureHash.Key(68, ws0, ls0l1);
        f[k++] = FeatureHash.Key(69, ws0, ls0r1);
        f[k++] = FeatureHash.Key(70, wn0, ln0l1);
        f[k++] = FeatureHash.Key(71, ts0, ls0l1, tn0);
        // The second stack item's children and its distance to the top: RIGHT attaches s0 to s1.
        int s1l1 = s1 >= 0 ? st.L1[s1] : -1, s1r1 = s1 >= 0 ? st.R1[s1] : -1;
        ulong ts1r1 = T(s1r1), ts1l1 = T(s1l1);
        ulong d1 = s1 >= 0 ? (ulong)Math.Min(s0 - s1, 5) : 0;
        f[k++] = FeatureHash.Key(72, ts1r1);
        f[k++] = FeatureHash.Key(73, ts1, ts1r1, ts0);
        f[k++] = FeatureHash.Key(74, ts1, ts1l1, ts0);
        f[k++] = FeatureHash.Key(75, L(s1r1), ts0);
        f[k++] = FeatureHash.Key(76, ts1, ts0, d1);
        f[k++] = FeatureHash.Key(77, ws1, ws0, d1);
        // Buffer bigrams with words.
        f[k++] = FeatureHash.Key(78, wn0, wn1);
        f[k++] = FeatureHash.Key(79, wn0, tn1);
        f[k++] = FeatureHash.Key(80, tn0, wn1);
        f[k++] = FeatureHash.Key(81, ws0, W(s0r1), ts0r1);
        f[k++] = FeatureHash.Key(82, ws0, W(s0l1), ts0l1);
        f[k++] = FeatureHash.Key(83, wn0, W(n0l1), tn0l1);
        if (set != ParserFeatures.Rich) return k;
        // What lies between: a comma or a verb between two words argues against attaching them.
        ulong commas = s0 >= 0 ? (ulong)Math.Min(st.CommasBefore[n0] - st.CommasBefore[s0 + 1], 2) : 9;
        ulong verbs = s0 >= 0 ? (ulong)Math.Min(st.VerbsBefore[n0] - st.VerbsBefore[s0 + 1], 2) : 9;
        ulong commas1 = s1 >= 0 ? (ulong)Math.Min(st.CommasBefore[s0] - st.CommasBefore[s1 + 1], 2) : 9;
        ulong verbs1 = s1 >= 0 ? (ulong)Math.Min(st.VerbsBefore[s0] - st.VerbsBefore[s1 + 1], 2) : 9;
        f[k++] = FeatureHash.Key(84, ts0, tn0, commas);
        f[k++] = FeatureHash.Key(85, ts0, tn0, verbs);
        f[k++] = FeatureHash.Key(86, ts1, ts0, commas1);
        f[k++] = FeatureHash.Key(87, ts1, ts0, verbs1);
        f[k++] = FeatureHash.Key(88, ws0, commas, verbs);
        f[k++] = FeatureHash.Key(89, tn0, commas, verbs);
        f[k++] = FeatureHash.Key(90, ts0, commas1, verbs1);
        return k;
    }

    /// <summary>A parser configuration: stack, buffer front, arcs built so far, children summaries.</summary>
    private sealed class State
    {
        public int N;
        public int B;
        public int Depth;
        public int[] Stack = new int[64];
        public int[] Heads = new int[65];
        public int[] Labels = new int[65];
        public int[] L1 = new int[65], L2 = new int[65], R1 = new int[65], R2 = new int[65];
        public int[] LeftCount = new int[65], RightCount = new int[65];
        public ulong[] Words = new ulong[65], TagHashes = new ulong[65];
        public int[] CommasBefore = new int[65], VerbsBefore = new int[65];

        public void Reset(int n)
        {
            if (Heads.Length < n + 1)
            {
                int size = Math.Max(n + 1, Heads.Length * 2);
                Stack = new int[size];
                Heads = new int[size]; Labels = new int[size];
                L1 = new int[size]; L2 = new int[size]; R1 = new int[size]; R2 = new int[size];
                LeftCount = new int[size]; RightCount = new int[size];
                Words = new ulong[size]; TagHashes = new ulong[size];
                CommasBefore = new int[size]; VerbsBefore = new int[size];
            }
            N = n; B = 0; Depth = 0;
            for (int i = 0; i <= n; i++)
            {
                Heads[i] = -1; Labels[i] = -1;
                L1[i] = L2[i] = R1[i] = R2[i] = -1;
                LeftCount[i] = RightCount[i] = 0;
            }
        }

        public bool Done => Depth == 0 && B == N;

        public bool IsValid(int move) => move switch
        {
            Shift => B < N,
            Right => Depth >= 2,
            // Only the last word left on the stack may attach to the root: one root per sentence.
            _ => Depth >= 1 && (B < N || Depth == 1),
        };

        public void Apply(int move, int label)
        {
            if (move == Shift) { Stack[Depth++] = B++; return; }
            int dep = Stack[--Depth];
            Labels[dep] = label;
            if (move == Left)
            {
                int head = B;
                Heads[dep] = head;
                L2[head] = L1[head]; L1[head] = dep; LeftCount[head]++;
            }
            else
            {
                int head = Stack[Depth - 1];
                Heads[dep] = head;
                R2[head] = R1[head]; R1[head] = dep; RightCount[head]++;
            }
        }

        /// <summary>
        /// Whether each move keeps the best reachable tree as good as before (the arc-hybrid dynamic
        /// oracle). <paramref name="gold"/> uses N for the root.
        /// </summary>
        public void ZeroCost(int[] gold, Span<bool> ok)
        {
            ok[Shift] = IsValid(Shift); ok[Left] = IsValid(Left); ok[Right] = IsValid(Right);
            if (Depth == 0) { ok[Left] = ok[Right] = false; return; }
            int s0 = Stack[Depth - 1];
            if (ok[Shift] && gold[B] == s0) { ok[Left] = ok[Right] = false; return; }
            if (ok[Left] && gold[s0] == B) { ok[Shift] = ok[Right] = false; return; }
            if (Depth >= 2 && gold[s0] == Stack[Depth - 2]) ok[Left] = false;
            if (ok[Shift])
            {
                for (int i = 0; i < Depth; i++)
                {
                    int s = Stack[i];
                    if (gold[s] == B || gold[B] == s) { ok[Shift] = false; break; }
                }
            }
            for (int i = B + 1; i <= N; i++)
            {
                if (gold[s0] == i || (i < N && gold[i] == s0)) { ok[Left] = ok[Right] = false; break; }
            }
            if (!ok[Shift] && !ok[Left] && !ok[Right])
            {
                // No zero-cost move (only when an earlier error forces one): any valid move will do.
                ok[Shift] = IsValid(Shift); ok[Left] = IsValid(Left); ok[Right] = IsValid(Right);
            }
        }
    }

    // ---- training ----

    /// <summary>Options for <see cref="Train"/>.</summary>
    /// <param name="Epochs">Passes over the training data.</param>
    /// <param name="Seed">Shuffling seed (training is deterministic for a seed).</param>
    /// <param name="Features">Feature templates.</param>
    /// <param name="MinFeatureCount">Features seen fewer times in the oracle pass are dropped.</param>
    /// <param name="ExploreFromEpoch">From this epoch on, training follows the model's own moves (before it, the oracle's).</param>
    public sealed record TrainingOptions(int Epochs = 10, int Seed = 1, ParserFeatures Features = ParserFeatures.Full, int MinFeatureCount = 2, int ExploreFromEpoch = 2);

    /// <summary>
    /// Trains on <paramref name="sentences"/> with their tags (or <paramref name="tags"/> per sentence when given,
    /// e.g. a tagger's output so training sees the tag errors parsing will). Non-projective sentences are skipped.
    /// </summary>
    public static DependencyParser Train(IReadOnlyList<SyntaxSentence> sentences, TrainingOptions options,
        IReadOnlyList<string[]>? tags = null, Action<string>? log = null)
    {
        var labelSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences) foreach (var l in s.Labels) labelSet.Add(l);
        var labels = labelSet.ToArray();
        if (labels.Length > 255) throw new InvalidOperationException("More than 255 dependency labels.");
        var labelId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++) labelId[labels[i]] = i;

        int rootLabel = Math.Max(0, Array.IndexOf(labels, "root"));
        var usable = new List<int>();
        for (int k = 0; k < sentences.Count; k++)
            if (IsProjectiveTree(sentences[k].Heads)) usable.Add(k);
        log?.Invoke($"labels {labels.Length}; {usable.Count:N0} of {sentences.Count:N0} sentences projective (others skipped)");

        var golds = new int[sentences.Count][];
        var goldLabels = new int[sentences.Count][];
        foreach (int k in usable)
        {
            var s = sentences[k];
            golds[k] = new int[s.Heads.Length];
            goldLabels[k] = new int[s.Heads.Length];
            for (int i = 0; i < s.Heads.Length; i++)
            {
                golds[k][i] = s.Heads[i] < 0 ? s.Heads.Length : s.Heads[i];
                goldLabels[k][i] = labelId[s.Labels[i]];
            }
        }

        // Pass 1: follow the oracle and count the features it meets.
        var moveCounter = new FeatureCounter();
        var leftCounter = new FeatureCounter();
        var rightCounter = new FeatureCounter();
        var state = new State();
        var f = new ulong[MaxFeatures];
        Span<bool> ok = stackalloc bool[3];
        foreach (int k in usable)
        {
            var s = sentences[k];
            state.Reset(s.Tokens.Length);
            Encode(s.Text, s.Tokens, tags?[k] ?? s.Tags, state);
            while (!state.Done)
            {
                int n = Features(state, options.Features, f);
                moveCounter.Add(f.AsSpan(0, n));
                state.ZeroCost(golds[k], ok);
                int move = ok[Shift] ? Shift : ok[Left] ? Left : Right;
                int dep = move == Shift ? -1 : state.Stack[state.Depth - 1];
                if (move == Left && state.B < state.N) leftCounter.Add(f.AsSpan(0, n));
                else if (move == Right) rightCounter.Add(f.AsSpan(0, n));
                state.Apply(move, dep >= 0 ? goldLabels[k][dep] : 0);
            }
        }
        var moves = new PerceptronTrainer(3, moveCounter.Keep(options.MinFeatureCount));
        var leftLabels = new PerceptronTrainer(labels.Length, leftCounter.Keep(options.MinFeatureCount));
        var rightLabels = new PerceptronTrainer(labels.Length, rightCounter.Keep(options.MinFeatureCount));
        moveCounter = leftCounter = rightCounter = null;
        log?.Invoke($"features kept: moves {CountOf(moves)}, left labels {CountOf(leftLabels)}, right labels {CountOf(rightLabels)}");

        var rows = new List<int>(MaxFeatures);
        var labelRows = new List<int>(MaxFeatures);
        var scores = new float[3];
        var labelScores = new float[labels.Length];
        var order = usable.ToArray();
        var random = new Random(options.Seed);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            random.Shuffle(order);
            long correctHeads = 0, correctLabels = 0, total = 0;
            foreach (int k in order)
            {
                var s = sentences[k];
                var gold = golds[k];
                state.Reset(s.Tokens.Length);
                Encode(s.Text, s.Tokens, tags?[k] ?? s.Tags, state);
                while (!state.Done)
                {
                    int n = Features(state, options.Features, f);
                    moves.Rows(f.AsSpan(0, n), rows);
                    moves.Score(rows, scores);
                    int guess = BestValid(state, scores);
                    state.ZeroCost(gold, ok);
                    int best = guess;
                    if (!ok[guess])
                    {
                        best = -1;
                        for (int m = 0; m < 3; m++) if (ok[m] && (best < 0 || scores[m] > scores[best])) best = m;
                        moves.Update(rows, best, guess);
                    }
                    moves.Tick();
                    // After the first epochs follow the model's own choice: the dynamic oracle teaches
                    // recovery from its mistakes (Goldberg & Nivre 2013).
                    if (epoch < options.ExploreFromEpoch) guess = best;
                    int label = 0;
                    if (guess == Left && state.B == state.N) label = rootLabel;
                    else if (guess != Shift)
                    {
                        var trainer = guess == Left ? leftLabels : rightLabels;
                        int dep = state.Stack[state.Depth - 1];
                        trainer.Rows(f.AsSpan(0, n), labelRows);
                        trainer.Score(labelRows, labelScores);
                        label = ArgMax(labelScores);
                        trainer.Update(labelRows, goldLabels[k][dep], label);
                        trainer.Tick();
                    }
                    state.Apply(guess, label);
                }
                for (int i = 0; i < gold.Length; i++)
                {
                    if (state.Heads[i] != gold[i]) continue;
                    correctHeads++;
                    if (state.Labels[i] == goldLabels[k][i]) correctLabels++;
                }
                total += gold.Length;
            }
            log?.Invoke($"epoch {epoch}: train UAS {100.0 * correctHeads / total:0.00} LAS {100.0 * correctLabels / total:0.00} ({watch.Elapsed.TotalSeconds:0.0} s)");
        }
        return new DependencyParser(options.Features, labels, moves.Average(), leftLabels.Average(), rightLabels.Average());

        static string CountOf(PerceptronTrainer t) => t.FeatureCount.ToString("N0");
    }

    /// <summary>
    /// Follows the oracle's first zero-cost move from the start (with <paramref name="preferRight"/>, RIGHT
    /// and LEFT before SHIFT) and returns the heads it builds (-1 = root): for a projective tree they must
    /// equal the gold heads. Used to test the oracle.
    /// </summary>
    internal static int[] OracleHeads(IReadOnlyList<int> goldHeads, bool preferRight = false)
    {
        int n = goldHeads.Count;
        var gold = new int[n];
        for (int i = 0; i < n; i++) gold[i] = goldHeads[i] < 0 ? n : goldHeads[i];
        var state = new State();
        state.Reset(n);
        Span<bool> ok = stackalloc bool[3];
        while (!state.Done)
        {
            state.ZeroCost(gold, ok);
            int move = preferRight ? (ok[Right] ? Right : ok[Left] ? Left : Shift) : (ok[Shift] ? Shift : ok[Left] ? Left : Right);
            state.Apply(move, 0);
        }
        var heads = new int[n];
        for (int i = 0; i < n; i++) heads[i] = state.Heads[i] == n ? -1 : state.Heads[i];
        return heads;
    }

    /// <summary>True when <paramref name="heads"/> (-1 = root) is a tree with one root and no crossing arcs.</summary>
    public static bool IsProjectiveTree(ReadOnlySpan<int> heads)
    {
        int n = heads.Length, roots = 0;
        for (int i = 0; i < n; i++)
        {
            int h = heads[i];
            if (h < -1 || h >= n || h == i) return false;
            if (h == -1) { roots++; continue; }
            int lo = Math.Min(i, h), hi = Math.Max(i, h);
            // Every word strictly between a head and its dependent must descend from that head.
            for (int j = lo + 1; j < hi; j++)
            {
                int a = j, steps = 0;
                while (a != -1 && a != h && steps++ <= n) a = heads[a];
                if (a != h) return false;
            }
        }
        return roots == 1;
    }

    /// <summary>
    /// A smaller copy: weights below <paramref name="minWeight"/> in magnitude are dropped (and features
    /// left without weights), trading a little accuracy for size and speed.
    /// </summary>
    public DependencyParser Compact(float minWeight) =>
        new(FeatureSet, _labels, _moves.Compact(minWeight), _leftLabels.Compact(minWeight), _rightLabels.Compact(minWeight));

    // ---- persistence ----

    /// <summary>Saves the model to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelFile.Write(path, Kind, w =>
    {
        w.Write(Version);
        w.Write((byte)FeatureSet);
        w.Write(_labels.Length);
        foreach (var l in _labels) w.Write(l);
        _moves.Write(w);
        _leftLabels.Write(w);
        _rightLabels.Write(w);
    });

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt or not a parser model (the message names it).</exception>
    public static DependencyParser Load(string path)
    {
        using var r = ModelFile.Open(path, Kind);
        try
        {
            int version = r.ReadInt32();
            if (version != Version) throw ModelFile.Bad(path, $"parser model version {version}, expected {Version}");
            var features = (ParserFeatures)r.ReadByte();
            if (features is not (ParserFeatures.Full or ParserFeatures.Fast or ParserFeatures.Rich)) throw ModelFile.Bad(path, "unknown feature set");
            var labels = new string[r.ReadInt32()];
            for (int i = 0; i < labels.Length; i++) labels[i] = string.Intern(r.ReadString());
            var moves = WeightTable.Read(r);
            var left = WeightTable.Read(r);
            var right = WeightTable.Read(r);
            if (moves.Classes != 3 || left.Classes != labels.Length || right.Classes != labels.Length)
                throw ModelFile.Bad(path, "weight tables do not match the label set");
            if (r.BaseStream.Position != r.BaseStream.Length) throw ModelFile.Bad(path, "trailing bytes");
            return new DependencyParser(features, labels, moves, left, right);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            throw ModelFile.Bad(path, e.Message);
        }
    }
}
