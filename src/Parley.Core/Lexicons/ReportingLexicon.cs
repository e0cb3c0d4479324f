using System.Reflection;

namespace Parley.Lexicons;

/// <summary>What a reporting-verb form is.</summary>
/// <param name="Lemma">The verb's lemma ("say", "point out").</param>
/// <param name="Stance">The stance class from the lexicon ("neutral", "denial", …).</param>
/// <param name="Particle">For phrasal verbs, the particle that must follow ("out" in "pointed out"), else null.</param>
public sealed record ReportingVerb(string Lemma, string Stance, string? Particle);

/// <summary>
/// The reporting-verb lexicon (said, told, added, insisted, …) and the attribution-cue phrases, loaded
/// once from the embedded resources <c>Parley.Lexicons.reporting_verbs.tsv</c> and
/// <c>Parley.Lexicons.attribution_cues.tsv</c>. Look-ups take spans, so callers need not allocate.
/// </summary>
public sealed class ReportingLexicon
{
    private static readonly Lazy<ReportingLexicon> Shared = new(Load);

    private readonly Dictionary<string, ReportingVerb> _forms;
    private readonly Dictionary<string, ReportingVerb>.AlternateLookup<ReadOnlySpan<char>> _formLookup;
    private readonly Dictionary<string, ReportingVerb>.AlternateLookup<ReadOnlySpan<char>> _gerundLookup;
    private readonly Dictionary<string, string> _cues;

    private ReportingLexicon(Dictionary<string, ReportingVerb> forms, Dictionary<string, ReportingVerb> gerunds, Dictionary<string, string> cues)
    {
        _forms = forms;
        _formLookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
        _gerundLookup = gerunds.GetAlternateLookup<ReadOnlySpan<char>>();
        _cues = cues;
    }

    /// <summary>The lexicon built from the embedded data.</summary>
    public static ReportingLexicon Default => Shared.Value;

    /// <summary>Number of distinct verb forms known.</summary>
    public int FormCount => _forms.Count;

    /// <summary>Attribution-cue phrases and their types ("according to" → "source_prep").</summary>
    public IReadOnlyDictionary<string, string> Cues => _cues;

    /// <summary>
    /// Finds a finite reporting-verb form ("say", "says", "said", "told", "insisted"; not the gerund, which
    /// is rarely the cue of a quote). Case-insensitive.
    /// </summary>
    public bool TryGetVerb(ReadOnlySpan<char> word, out ReportingVerb verb) => _formLookup.TryGetValue(word, out verb!);

    /// <summary>Finds a gerund ("saying", "adding"), the cue of "…, saying “…”". Case-insensitive.</summary>
    public bool TryGetGerund(ReadOnlySpan<char> word, out ReportingVerb verb) => _gerundLookup.TryGetValue(word, out verb!);

    private static ReportingLexicon Load()
    {
        var forms = new Dictionary<string, ReportingVerb>(StringComparer.OrdinalIgnoreCase);
        var gerunds = new Dictionary<string, ReportingVerb>(StringComparer.OrdinalIgnoreCase);
        foreach (var fields in ReadTsv("reporting_verbs.tsv"))
        {
            if (fields.Length < 3) continue;
            var inflections = fields[2].Split(',');
            // Lemma ("critics say"), third person, past and past participle; the gerund (last) is left out on purpose.
            for (int i = -1; i < inflections.Length - 1; i++)
            {
                string form = (i < 0 ? fields[0] : inflections[i]).Trim();
                int space = form.IndexOf(' ');
                string head = space < 0 ? form : form[..space];
                string? particle = space < 0 ? null : form[(space + 1)..];
                forms.TryAdd(head, new ReportingVerb(fields[0], fields[1], particle));
            }
            string gerund = inflections[^1].Trim();
            int gap = gerund.IndexOf(' ');
            gerunds.TryAdd(gap < 0 ? gerund : gerund[..gap], new ReportingVerb(fields[0], fields[1], gap < 0 ? null : gerund[(gap + 1)..]));
        }
        var cues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var fields in ReadTsv("attribution_cues.tsv"))
            if (fields.Length >= 2) cues.TryAdd(fields[0], fields[1]);
        return new ReportingLexicon(forms, gerunds, cues);
    }

    private static IEnumerable<string[]> ReadTsv(string file)
    {
        string name = "Parley.Lexicons." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded lexicon '{name}' is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }
}
