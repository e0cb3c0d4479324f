using System.Text;
using Parley.Learning;

namespace Parley.Entities.Tagging;

/// <summary>
/// Entity-level precision, recall and F1 under exact match, as conlleval computes them: a predicted
/// entity counts only when its type and both boundaries equal a gold entity's.
/// </summary>
public sealed class NerScores
{
    private readonly IReadOnlyList<string> _types;
    private readonly int[] _tp, _fp, _fn;

    /// <summary>Creates an empty tally for <paramref name="types"/>.</summary>
    public NerScores(IReadOnlyList<string> types)
    {
        _types = types;
        _tp = new int[types.Count];
        _fp = new int[types.Count];
        _fn = new int[types.Count];
    }

    /// <summary>Types whose predictions are ignored (e.g. MISC on a corpus that does not annotate it).</summary>
    public HashSet<int> Ignored { get; } = new();

    /// <summary>Adds one sentence's gold and predicted spans.</summary>
    public void Add(IEnumerable<TaggedSpan> gold, IEnumerable<TaggedSpan> predicted)
    {
        var g = gold.Where(s => !Ignored.Contains(s.Type)).ToHashSet();
        var p = predicted.Where(s => !Ignored.Contains(s.Type)).ToHashSet();
        foreach (var s in p) { if (g.Contains(s)) _tp[s.Type]++; else _fp[s.Type]++; }
        foreach (var s in g) if (!p.Contains(s)) _fn[s.Type]++;
    }

    /// <summary>Precision, recall and F1 (in percent) and the gold count of one type, or of all when <paramref name="type"/> is -1.</summary>
    public (double Precision, double Recall, double F1, int Gold) Of(int type)
    {
        int tp = type < 0 ? _tp.Sum() : _tp[type], fp = type < 0 ? _fp.Sum() : _fp[type], fn = type < 0 ? _fn.Sum() : _fn[type];
        double p = tp + fp == 0 ? 0 : 100.0 * tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : 100.0 * tp / (tp + fn);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return (p, r, f, tp + fn);
    }

    /// <summary>Overall F1 in percent.</summary>
    public double F1 => Of(-1).F1;

    /// <summary>A conlleval-like table: one line per type and one overall.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{"type",-8} {"precision",9} {"recall",9} {"F1",7} {"gold",6}");
        for (int t = 0; t < _types.Count; t++)
        {
            if (Ignored.Contains(t)) { sb.AppendLine($"{_types[t],-8} (not annotated in this corpus: ignored)"); continue; }
            var (p, r, f, g) = Of(t);
            sb.AppendLine($"{_types[t],-8} {p,9:F2} {r,9:F2} {f,7:F2} {g,6}");
        }
        var (op, or, of, og) = Of(-1);
        sb.AppendLine($"{"overall",-8} {op,9:F2} {or,9:F2} {of,7:F2} {og,6}");
        return sb.ToString();
    }
}
