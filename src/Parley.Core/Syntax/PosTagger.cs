using System.Diagnostics;
using Parley.Text;

namespace Parley.Syntax;

/// <summary>
/// Greedy averaged-perceptron part-of-speech tagger (after Honnibal's "A good POS tagger in about 200
/// lines"): word, lower case, affixes, shape, two words either side, the two previous tags, and a tag
/// dictionary for frequent unambiguous words. Tags are Penn Treebank tags. Immutable once built:
/// one instance tags on any number of threads.
/// </summary>
public sealed class PosTagger
{
    internal const string Kind = "pos";
    private const int Version = 1;
    private const int MaxFeatures = 24;

    private readonly string[] _tags;
    private readonly WeightTable _weights;
    private readonly FeatureIndex _dictionary;
    private readonly byte[] _dictionaryTags;
    private readonly ulong[] _dictionaryKeys;
    private readonly ulong[] _tagHashes;

    [ThreadStatic] private static Scratch? t_scratch;

    internal PosTagger(string[] tags, WeightTable weights, ulong[] dictionaryKeys, byte[] dictionaryTags)
    {
        _tags = tags;
        _weights = weights;
        _dictionaryKeys = dictionaryKeys;
        _dictionaryTags = dictionaryTags;
        _dictionary = new FeatureIndex(dictionaryKeys);
        _tagHashes = HashTags(tags);
    }

    /// <summary>The tag set; tag ids index this list.</summary>
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>Number of weighted features in the model.</summary>
    public int FeatureCount => _weights.Features;

    /// <summary>Number of words in the tag dictionary.</summary>
    public int DictionarySize => _dictionaryKeys.Length;

    /// <summary>Tags one sentence: <paramref name="tokens"/> are spans of <paramref name="text"/>; ids go to <paramref name="tags"/>.</summary>
    /// <remarks>
    /// The weight table is far larger than the cache, so the features that do not depend on the previous tags are
    /// looked up for the whole sentence first (prefetching slots ahead) and the weight rows of the next word are
    /// prefetched while the current one is scored. Rows are still added in feature order, so the float sums, and
    /// the tags, are exactly those of scoring <see cref="Features"/> one word after another.
    /// </remarks>
    public void Tag(string text, ReadOnlySpan<Token> tokens, Span<byte> tags)
    {
        if (tags.Length < tokens.Length) throw new ArgumentException("Tag buffer is shorter than the sentence.", nameof(tags));
        var scratch = t_scratch ??= new Scratch();
        if (_weights.HasNarrowRows)
        {
            TagOneByOne(text, tokens, tags, scratch);
            return;
        }
        int length = tokens.Length;
        var words = scratch.Words(length);
        Hash(text, tokens, words);
        var fixedTags = scratch.Fixed(length);
        var keys = scratch.Keys(length * StaticCount);
        var rows = scratch.Rows(length * StaticCount);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        int open = 0; // words the tag dictionary does not decide, whose static features are in keys[open * StaticCount..]
        for (int i = 0; i < length; i++)
        {
            int entry = _dictionary.Find(words[i].Exact);
            fixedTags[i] = entry >= 0 ? _dictionaryTags[entry] : -1;
            if (entry >= 0) continue;
            Features(words, i, FeatureHash.None, FeatureHash.None, features);
            var target = keys.Slice(open * StaticCount, StaticCount);
            for (int k = 0; k < StaticCount; k++) target[k] = features[StaticTemplates[k]];
            open++;
        }
        _weights.Index.FindAll(keys[..(open * StaticCount)], rows);

        Span<float> scores = stackalloc float[_weights.Stride];
        Span<int> dynamicRows = stackalloc int[5];
        int classes = _weights.Classes;
        ulong prev = FeatureHash.None, prev2 = FeatureHash.None;
        int next = 0; // index of the current open word
        if (open > 0) _weights.PrefetchRows(rows[..StaticCount]);
        for (int i = 0; i < length; i++)
        {
            int tag = fixedTags[i];
            if (tag < 0)
            {
                if (next + 1 < open) _weights.PrefetchRows(rows.Slice((next + 1) * StaticCount, StaticCount));
                var own = rows.Slice(next * StaticCount, StaticCount);
                next++;
                ref readonly var cur = ref words[i];
                // The templates that read the previous tags (7–10 and 20 in Features).
                dynamicRows[0] = _weights.Index.Find(FeatureHash.Key(7, prev));
                dynamicRows[1] = _weights.Index.Find(FeatureHash.Key(8, prev2));
                dynamicRows[2] = _weights.Index.Find(FeatureHash.Key(9, prev, prev2));
                dynamicRows[3] = _weights.Index.Find(FeatureHash.Key(10, prev, cur.Lower));
                dynamicRows[4] = _weights.Index.Find(FeatureHash.Key(20, prev, cur.Suffix3));
                scores.Clear();
                // Feature order: 0–6 static, 7–10 dynamic, 11–19 static, 20 dynamic, 21 static.
                for (int k = 0; k < 7; k++) _weights.AddRow(own[k], scores);
                for (int k = 0; k < 4; k++) _weights.AddRow(dynamicRows[k], scores);
                for (int k = 7; k < 16; k++) _weights.AddRow(own[k], scores);
                _weights.AddRow(dynamicRows[4], scores);
                _weights.AddRow(own[16], scores);
                tag = ArgMax(scores[..classes]);
            }
            tags[i] = (byte)tag;
            prev2 = prev;
            prev = _tagHashes[tag];
        }
    }

    /// <summary>Scores each word's features with <see cref="WeightTable.Score"/> (for tables that keep three-class rows in their slots).</summary>
    private void TagOneByOne(string text, ReadOnlySpan<Token> tokens, Span<byte> tags, Scratch scratch)
    {
        var words = scratch.Words(tokens.Length);
        Hash(text, tokens, words);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[_weights.Stride];
        int classes = _weights.Classes;
        ulong prev = FeatureHash.None, prev2 = FeatureHash.None;
        for (int i = 0; i < tokens.Length; i++)
        {
            int tag = _dictionary.Find(words[i].Exact);
            if (tag >= 0) tag = _dictionaryTags[tag];
            else
            {
                int n = Features(words, i, prev, prev2, features);
                scores.Clear();
                _weights.Score(features[..n], scores);
                tag = ArgMax(scores[..classes]);
            }
            tags[i] = (byte)tag;
            prev2 = prev;
            prev = _tagHashes[tag];
        }
    }

    /// <summary>The templates of <see cref="Features"/> that do not read the previous tags, in feature order.</summary>
    private static ReadOnlySpan<int> StaticTemplates => [0, 1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21];

    private const int StaticCount = 17;

    /// <summary>Tags one sentence and returns the tag strings (convenience; allocates).</summary>
    public string[] Tag(string text, ReadOnlySpan<Token> tokens)
    {
        var ids = new byte[tokens.Length];
        Tag(text, tokens, ids);
        var result = new string[tokens.Length];
        for (int i = 0; i < ids.Length; i++) result[i] = _tags[ids[i]];
        return result;
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int k = 1; k < scores.Length; k++) if (scores[k] > scores[best]) best = k;
        return best;
    }

    /// <summary>Per-token hashes computed once per sentence, so features never build strings.</summary>
    internal struct WordHashes
    {
        public ulong Exact, Lower, Suffix3, Suffix2, Prefix1, Shape;
    }

    internal static void Hash(string text, ReadOnlySpan<Token> tokens, Span<WordHashes> words)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            var s = text.AsSpan(tokens[i].Start, tokens[i].Length);
            ref var w = ref words[i];
            w.Exact = FeatureHash.Chars(s);
            w.Lower = IsNumber(s) ? 0x4E554D4245520001UL : FeatureHash.Lower(s);
            w.Suffix3 = FeatureHash.Lower(s[Math.Max(0, s.Length - 3)..]);
            w.Suffix2 = FeatureHash.Lower(s[Math.Max(0, s.Length - 2)..]) ^ 0x2;
            w.Prefix1 = s.Length > 0 ? s[0] : 0UL;
            w.Shape = FeatureHash.Shape(s);
        }
    }

    /// <summary>Digit-led tokens ("1,000", "9/11", "1990s" excluded by the letter) share one lower-case form.</summary>
    internal static bool IsNumber(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsDigit(s[0])) return false;
        foreach (char c in s) if (!(char.IsDigit(c) || c is ',' or '.' or '/' or ':' or '-')) return false;
        return true;
    }

    /// <summary>Writes the features of token <paramref name="i"/>; returns how many.</summary>
    internal static int Features(ReadOnlySpan<WordHashes> w, int i, ulong prev, ulong prev2, Span<ulong> f)
    {
        int n = 0;
        ref readonly var cur = ref w[i];
        ulong lm1 = i >= 1 ? w[i - 1].Lower : FeatureHash.None;
        ulong sm1 = i >= 1 ? w[i - 1].Suffix3 : FeatureHash.None;
        ulong lm2 = i >= 2 ? w[i - 2].Lower : FeatureHash.None;
        ulong lp1 = i + 1 < w.Length ? w[i + 1].Lower : FeatureHash.None;
        ulong sp1 = i + 1 < w.Length ? w[i + 1].Suffix3 : FeatureHash.None;
        ulong shp1 = i + 1 < w.Length ? w[i + 1].Shape : FeatureHash.None;
        ulong lp2 = i + 2 < w.Length ? w[i + 2].Lower : FeatureHash.None;
        f[n++] = FeatureHash.Key(0, 0);
        f[n++] = FeatureHash.Key(1, cur.Exact);
        f[n++] = FeatureHash.Key(2, cur.Lower);
        f[n++] = FeatureHash.Key(3, cur.Suffix3);
        f[n++] = FeatureHash.Key(4, cur.Suffix2);
        f[n++] = FeatureHash.Key(5, cur.Prefix1);
        f[n++] = FeatureHash.Key(6, cur.Shape);
        f[n++] = FeatureHash.Key(7, prev);
        f[n++] = FeatureHash.Key(8, prev2);
        f[n++] = FeatureHash.Key(9, prev, prev2);
        f[n++] = FeatureHash.Key(10, prev, cur.Lower);
        f[n++] = FeatureHash.Key(11, lm1);
        f[n++] = FeatureHash.Key(12, sm1);
        f[n++] = FeatureHash.Key(13, lm2);
        f[n++] = FeatureHash.Key(14, lp1);
        f[n++] = FeatureHash.Key(15, sp1);
        f[n++] = FeatureHash.Key(16, lp2);
        f[n++] = FeatureHash.Key(17, shp1);
        f[n++] = FeatureHash.Key(18, lm1, cur.Lower);
        f[n++] = FeatureHash.Key(19, cur.Lower, lp1);
        f[n++] = FeatureHash.Key(20, prev, cur.Suffix3);
        f[n++] = FeatureHash.Key(21, cur.Shape, lp1);
        return n;
    }

    private static ulong[] HashTags(string[] tags)
    {
        var hashes = new ulong[tags.Length];
        for (int i = 0; i < tags.Length; i++) hashes[i] = FeatureHash.Chars(tags[i]) ^ 0x7A6;
        return hashes;
    }

    // ---- training ----

    /// <summary>Options for <see cref="Train"/>.</summary>
    /// <param name="Epochs">Passes over the training data.</param>
    /// <param name="Seed">Shuffling seed (training is deterministic for a seed).</param>
    /// <param name="MinFeatureCount">Features seen fewer times are dropped (bounds memory and model size).</param>
    /// <param name="DictionaryMinCount">A word enters the tag dictionary when seen at least this often…</param>
    /// <param name="DictionaryMinShare">…with one tag at least this share of the time.</param>
    public sealed record TrainingOptions(int Epochs = 6, int Seed = 1, int MinFeatureCount = 2, int DictionaryMinCount = 20, double DictionaryMinShare = 0.97);

    /// <summary>Trains a tagger on <paramref name="sentences"/>; <paramref name="log"/> receives progress lines.</summary>
    public static PosTagger Train(IReadOnlyList<SyntaxSentence> sentences, TrainingOptions options, Action<string>? log = null)
    {
        // Tag set, in order of first appearance sorted for determinism.
        var tagSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences) foreach (var t in s.Tags) tagSet.Add(t);
        var tags = tagSet.ToArray();
        if (tags.Length > 255) throw new InvalidOperationException("More than 255 POS tags.");
        var tagId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < tags.Length; i++) tagId[tags[i]] = i;
        var tagHashes = HashTags(tags);

        // Tag dictionary: frequent words that (almost) always take one tag.
        var counts = new Dictionary<ulong, int[]>();
        foreach (var s in sentences)
            for (int i = 0; i < s.Tokens.Length; i++)
            {
                ulong key = FeatureHash.Chars(s.Text.AsSpan(s.Tokens[i].Start, s.Tokens[i].Length));
                if (key == 0) key = 1;
                if (!counts.TryGetValue(key, out var c)) counts[key] = c = new int[tags.Length];
                c[tagId[s.Tags[i]]]++;
            }
        var dictKeys = new List<ulong>();
        var dictTags = new List<byte>();
        foreach (var (key, c) in counts.OrderBy(kv => kv.Key))
        {
            int total = c.Sum(), best = Array.IndexOf(c, c.Max());
            if (total >= options.DictionaryMinCount && c[best] >= options.DictionaryMinShare * total)
            {
                dictKeys.Add(key);
                dictTags.Add((byte)best);
            }
        }
        var dictionary = new FeatureIndex(dictKeys.ToArray());
        log?.Invoke($"tags {tags.Length}, tag dictionary {dictKeys.Count} words");

        // Encode sentences once.
        var encoded = new (WordHashes[] Words, byte[] Gold, bool[] Fixed)[sentences.Count];
        for (int k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            var words = new WordHashes[s.Tokens.Length];
            Hash(s.Text, s.Tokens, words);
            var gold = new byte[words.Length];
            var fixedTag = new bool[words.Length];
            for (int i = 0; i < words.Length; i++)
            {
                gold[i] = (byte)tagId[s.Tags[i]];
                fixedTag[i] = dictionary.Find(words[i].Exact) >= 0;
            }
            encoded[k] = (words, gold, fixedTag);
        }

        // Count features (with gold history) and keep the frequent ones.
        var counter = new FeatureCounter();
        var f = new ulong[MaxFeatures];
        foreach (var (words, gold, fixedTag) in encoded)
        {
            ulong p1 = FeatureHash.None, p2 = FeatureHash.None;
            for (int i = 0; i < words.Length; i++)
            {
                if (!fixedTag[i]) counter.Add(f.AsSpan(0, Features(words, i, p1, p2, f)));
                p2 = p1; p1 = tagHashes[gold[i]];
            }
        }
        var keys = counter.Keep(options.MinFeatureCount);
        log?.Invoke($"features kept {keys.Length:N0} (seen ≥ {options.MinFeatureCount}×)");

        var trainer = new PerceptronTrainer(tags.Length, keys);
        var rows = new List<int>(MaxFeatures);
        var scores = new float[tags.Length];
        var order = Enumerable.Range(0, encoded.Length).ToArray();
        var random = new Random(options.Seed);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            random.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int k in order)
            {
                var (words, gold, fixedTag) = encoded[k];
                ulong p1 = FeatureHash.None, p2 = FeatureHash.None;
                for (int i = 0; i < words.Length; i++)
                {
                    int guess;
                    if (fixedTag[i]) guess = dictTags[dictionary.Find(words[i].Exact)];
                    else
                    {
                        int n = Features(words, i, p1, p2, f);
                        trainer.Rows(f.AsSpan(0, n), rows);
                        trainer.Score(rows, scores);
                        guess = ArgMax(scores);
                        trainer.Update(rows, gold[i], guess);
                        trainer.Tick();
                    }
                    if (guess == gold[i]) correct++;
                    total++;
                    p2 = p1; p1 = tagHashes[guess];
                }
            }
            log?.Invoke($"epoch {epoch}: train accuracy {100.0 * correct / total:0.00}% ({watch.Elapsed.TotalSeconds:0.0} s)");
        }
        return new PosTagger(tags, trainer.Average(), dictKeys.ToArray(), dictTags.ToArray());
    }

    // ---- persistence ----

    /// <summary>Saves the model to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelFile.Write(path, Kind, w =>
    {
        w.Write(Version);
        w.Write(_tags.Length);
        foreach (var t in _tags) w.Write(t);
        w.Write(_dictionaryKeys.Length);
        for (int i = 0; i < _dictionaryKeys.Length; i++) { w.Write(_dictionaryKeys[i]); w.Write(_dictionaryTags[i]); }
        _weights.Write(w);
    });

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt or not a POS model (the message names it).</exception>
    public static PosTagger Load(string path)
    {
        using var r = ModelFile.Open(path, Kind);
        try
        {
            int version = r.ReadInt32();
            if (version != Version) throw ModelFile.Bad(path, $"POS model version {version}, expected {Version}");
            var tags = new string[r.ReadInt32()];
            for (int i = 0; i < tags.Length; i++) tags[i] = string.Intern(r.ReadString());
            int n = r.ReadInt32();
            var keys = new ulong[n];
            var dictTags = new byte[n];
            for (int i = 0; i < n; i++)
            {
                keys[i] = r.ReadUInt64();
                dictTags[i] = r.ReadByte();
                if (dictTags[i] >= tags.Length) throw ModelFile.Bad(path, "tag id out of range");
            }
            var weights = WeightTable.Read(r);
            if (weights.Classes != tags.Length) throw ModelFile.Bad(path, "weight table does not match the tag set");
            if (r.BaseStream.Position != r.BaseStream.Length) throw ModelFile.Bad(path, "trailing bytes");
            return new PosTagger(tags, weights, keys, dictTags);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or IOException)
        {
            throw ModelFile.Bad(path, e.Message);
        }
    }

    private sealed class Scratch
    {
        private WordHashes[] _words = new WordHashes[64];
        private int[] _fixed = new int[64];
        private ulong[] _keys = new ulong[64 * StaticCount];
        private int[] _rows = new int[64 * StaticCount];

        public Span<WordHashes> Words(int n) => Learning.Buffers.Grow(ref _words, n);

        public Span<int> Fixed(int n) => Learning.Buffers.Grow(ref _fixed, n);

        public Span<ulong> Keys(int n) => Learning.Buffers.Grow(ref _keys, n);

        public Span<int> Rows(int n) => Learning.Buffers.Grow(ref _rows, n);
    }
}
