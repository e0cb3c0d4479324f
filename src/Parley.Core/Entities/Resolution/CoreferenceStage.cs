using System.Collections.Frozen;
using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Entities.Resolution;

/// <summary>
/// Finds every mention of the document's people, organisations and places — names from the entity
/// tagger, pronouns and nominals ("the ministry", "a ministry spokesperson") — with the roles stated
/// beside them (titles before a name, appositions after it), and groups them into entities:
/// full name and surname, spelling and transliteration variants (<see cref="NameVariants"/>), acronyms,
/// pronouns to the most salient compatible antecedent, definite nominals to the last entity whose
/// name or role has the same head noun. Demonyms ("Ukrainian") point to their country.
/// </summary>
public sealed class CoreferenceStage : PipelineStage
{
    /// <summary>How many sentences back a pronoun looks for its antecedent.</summary>
    private const int PronounWindow = 3;

    /// <summary>Pronouns Parley tracks: type and gender; Misc marks a pronoun that is never resolved ("they").</summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<string, (EntityType Type, Gender Gender)>.AlternateLookup<ReadOnlySpan<char>> Pronouns =
        new Dictionary<string, (EntityType, Gender)>(StringComparer.OrdinalIgnoreCase)
        {
            ["he"] = (EntityType.Person, Gender.Male), ["him"] = (EntityType.Person, Gender.Male),
            ["his"] = (EntityType.Person, Gender.Male), ["himself"] = (EntityType.Person, Gender.Male),
            ["she"] = (EntityType.Person, Gender.Female), ["her"] = (EntityType.Person, Gender.Female),
            ["hers"] = (EntityType.Person, Gender.Female), ["herself"] = (EntityType.Person, Gender.Female),
            ["it"] = (EntityType.Organization, Gender.Unknown), ["its"] = (EntityType.Organization, Gender.Unknown),
            ["itself"] = (EntityType.Organization, Gender.Unknown),
            ["they"] = (EntityType.Misc, Gender.Unknown), ["them"] = (EntityType.Misc, Gender.Unknown),
            ["their"] = (EntityType.Misc, Gender.Unknown), ["themselves"] = (EntityType.Misc, Gender.Unknown),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["the", "a", "an", "this", "that"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many sentences back a definite nominal looks for its antecedent.</summary>
    private const int NominalWindow = 12;

    /// <summary>Organisation nouns general enough to refer to any company or body ("the company").</summary>
    private static readonly HashSet<string> GenericOrgHeads = new(StringComparer.Ordinal)
    {
        "company", "firm", "corporation", "group", "organization", "organisation",
    };

    /// <summary>Words after which "it" is the subject of a statement or an action ("it said", "it has").</summary>
    private static readonly HashSet<string> SubjectVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "added", "stated", "announced", "denied", "confirmed", "claimed", "warned", "argued", "insisted",
        "has", "had", "have", "is", "was", "will", "would", "could", "can", "may", "might", "plans", "planned", "wants",
        "also", "did", "does", "expects", "expected", "hopes", "blamed", "cited", "reported", "noted", "called", "urged",
    };

    /// <summary>Creates the stage.</summary>
    public CoreferenceStage() : base("coreference", [Layers.Tokens, Layers.Sentences, EntityLayers.Entities],
        [CoreferenceLayers.Mentions, CoreferenceLayers.Entities]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var resolver = new Resolver(document, EntityLexicons.Default);
        resolver.Run();
        document.Set(CoreferenceLayers.Mentions, resolver.Mentions);
        document.Set(CoreferenceLayers.Entities, resolver.Entities);
    }

    /// <summary>The per-document state of one resolution run.</summary>
    private sealed class Resolver(Document document, EntityLexicons lexicons)
    {
        private readonly string _text = document.Text;
        private readonly ImmutableArray<Token> _tokens = document.Tokens;
        private readonly List<Draft> _mentions = new();
        private readonly List<Cluster> _clusters = new();
        private readonly Dictionary<string, int> _countryClusters = new(StringComparer.Ordinal);

        // Indexes that keep resolution linear on huge documents; each returns a superset of the clusters or
        // mentions a full scan would accept, and the same tests then run in the same order, so results are unchanged.
        private readonly Dictionary<string, List<int>> _clustersByLastKey = new(StringComparer.Ordinal);   // skeleton of a name's last word
        private readonly Dictionary<string, List<int>> _clustersByInitials = new(StringComparer.Ordinal);  // initials of a longer name
        private readonly Dictionary<string, List<int>> _clustersByAcronym = new(StringComparer.Ordinal);   // a one-word all-capitals name
        private readonly Dictionary<string, int> _lastOrgNameByWord = new(StringComparer.OrdinalIgnoreCase); // word → last organisation name mention
        private readonly List<int> _candidates = new();

        public ImmutableArray<Mention> Mentions { get; private set; }

        public ImmutableArray<ResolvedEntity> Entities { get; private set; }

        /// <summary>A mention being built.</summary>
        private sealed class Draft
        {
            public TextSpan Span;
            public int FirstToken, TokenCount, Sentence;
            public MentionKind Kind;
            public EntityType Type;
            public TextSpan? Role;
            public int Cluster = -1;
            public Gender Gender;
            public string? Country;     // set for demonyms
            public string? HeadNoun;    // for nominals
            public bool Definite;       // for nominals
            public string? Modifier;    // org-head modifier of an indefinite person nominal ("ministry")
            public string[]? Words;     // name tokens without "the" and "’s" (names only), computed once
            public NameVariants.Spelling[]? Spellings;
        }

        /// <summary>An entity being built.</summary>
        private sealed class Cluster
        {
            public EntityType Type;
            public readonly List<int> Mentions = new();
            public bool IsNamed, IsOutlet;
            public int MaleVotes, FemaleVotes;
            public string? Affiliation;
            public int LastMention;
            public readonly List<Draft> DistinctNames = new(); // one name mention per distinct spelling
        }

        public void Run()
        {
            var sentences = document.Sentences;
            var names = JoinDemonymOrganizations(document.Get(EntityLayers.Entities));
            int n = 0;
            var roleTokens = new HashSet<int>();
            var knownNames = new KnownNames(); // single-word names and surnames seen so far
            for (int s = 0; s < sentences.Length; s++)
            {
                var sentence = sentences[s];
                for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                {
                    while (n < names.Count && names[n].FirstToken < t) n++;
                    if (n < names.Count && names[n].FirstToken == t)
                    {
                        var name = names[n];
                        AddName(name, s, sentence, roleTokens);
                        Remember(name, knownNames);
                        t = name.FirstToken + name.TokenCount - 1;
                        continue;
                    }
                    if (roleTokens.Contains(t)) continue;
                    if (TryPronoun(t, s)) continue;
                    if (TryKnownName(t, s, sentence, knownNames, roleTokens)) continue;
                    int consumed = TryNominal(t, s, sentence, names, n);
                    if (consumed > 0) t += consumed - 1;
                }
            }
            foreach (var index in Enumerable.Range(0, _mentions.Count)) Resolve(index);
            Build();
        }

        /// <summary>
        /// "Russian" (MISC) + "Foreign Ministry" (ORG), as the tagger's CoNLL convention splits them, is one
        /// organisation name when the organisation ends in an organisation head noun.
        /// </summary>
        private List<EntityMention> JoinDemonymOrganizations(ImmutableArray<EntityMention> names)
        {
            var joined = new List<EntityMention>(names.Length);
            for (int i = 0; i < names.Length; i++)
            {
                var name = names[i];
                if (i + 1 < names.Length && name.Type == EntityType.Misc && name.TokenCount == 1
                    && lexicons.CountryOfDemonym(Word(name.FirstToken)) is not null)
                {
                    var next = names[i + 1];
                    if (next.Type == EntityType.Organization && next.FirstToken == name.FirstToken + 1
                        && lexicons.IsOrgHead(Word(next.FirstToken + next.TokenCount - 1)))
                    {
                        joined.Add(new EntityMention(name.Span.Union(next.Span), EntityType.Organization, name.FirstToken, name.TokenCount + next.TokenCount));
                        i++;
                        continue;
                    }
                }
                if (name.Type == EntityType.Misc && name.TokenCount == 1 && lexicons.CountryOfDemonym(Word(name.FirstToken)) is not null)
                {
                    // "Russian Foreign Ministry" with only "Russian" tagged: capitalised words up to an organisation head.
                    int limit = Math.Min(_tokens.Length, name.FirstToken + 5);
                    if (i + 1 < names.Length) limit = Math.Min(limit, names[i + 1].FirstToken);
                    int head = -1;
                    for (int t = name.FirstToken + 1; t < limit && IsCapitalized(t); t++)
                        if (lexicons.IsOrgHead(Word(t))) head = t;
                    if (head > 0)
                    {
                        joined.Add(new EntityMention(new TextSpan(name.Span.Start, _tokens[head].End), EntityType.Organization, name.FirstToken, head - name.FirstToken + 1));
                        continue;
                    }
                }
                joined.Add(name);
            }
            return joined;
        }

        /// <summary>Single-word names and person surnames seen so far, with their spellings prepared once.</summary>
        private sealed class KnownNames
        {
            private readonly Dictionary<string, EntityType> _types = new(StringComparer.Ordinal);
            // Variants always share a skeleton, so only surnames with the word's skeleton are compared.
            private readonly Dictionary<string, List<NameVariants.Spelling>> _surnames = new(StringComparer.Ordinal);

            public int Count => _types.Count;

            public void Add(ReadOnlySpan<char> word, EntityType type)
            {
                var lookup = _types.GetAlternateLookup<ReadOnlySpan<char>>();
                if (lookup.ContainsKey(word)) return;
                lookup[word] = type;
                if (type == EntityType.Person)
                {
                    var spelling = new NameVariants.Spelling(word);
                    if (!_surnames.TryGetValue(spelling.Key, out var list)) _surnames[spelling.Key] = list = new();
                    list.Add(spelling);
                }
            }

            public bool TryGet(ReadOnlySpan<char> word, out EntityType type) => _types.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out type);

            public bool IsSurnameVariant(ReadOnlySpan<char> word)
            {
                if (_surnames.Count == 0) return false;
                var spelling = new NameVariants.Spelling(word);
                if (!_surnames.TryGetValue(spelling.Key, out var candidates)) return false;
                foreach (var surname in candidates)
                    if (NameVariants.AreVariants(spelling, surname)) return true;
                return false;
            }
        }

        /// <summary>Keeps single-word names and person surnames, to find their later mentions the tagger missed.</summary>
        private void Remember(EntityMention name, KnownNames known)
        {
            int last = name.FirstToken + name.TokenCount - 1;
            if (name.Type == EntityType.Person || name.TokenCount == 1 && name.Type != EntityType.Misc)
            {
                var word = Word(last);
                if (word.Length >= 4 && char.IsUpper(word[0])) known.Add(word, name.Type);
            }
        }

        /// <summary>
        /// A capitalised word the tagger left untagged that is a spelling of a known surname ("Zelenskyy"
        /// after "Volodymyr Zelensky") or repeats a single-word name becomes a name mention — the
        /// document-level consistency a sentence-by-sentence tagger lacks.
        /// </summary>
        private bool TryKnownName(int t, int sentenceIndex, Sentence sentence, KnownNames known, HashSet<int> roleTokens)
        {
            if (known.Count == 0 || !IsCapitalized(t) || _tokens[t].Length < 4) return false;
            // A word inside a run of capitalised words belongs to some other name or title.
            if (t + 1 < sentence.EndToken && IsCapitalized(t + 1) || t > sentence.FirstToken && IsCapitalized(t - 1) && !IsSentenceStart(t - 1, sentence)) return false;
            var word = Word(t);
            if (!known.TryGet(word, out var type))
            {
                if (!known.IsSurnameVariant(word)) return false;
                type = EntityType.Person;
            }
            AddName(new EntityMention(_tokens[t].Span, type, t, 1), sentenceIndex, sentence, roleTokens);
            return true;
        }

        private static bool IsSentenceStart(int t, Sentence sentence) => t == sentence.FirstToken;

        private ReadOnlySpan<char> Word(int t) => _text.AsSpan(_tokens[t].Start, _tokens[t].Length);

        private bool IsWord(int t) => _tokens[t].Kind == TokenKind.Word;

        private bool IsCapitalized(int t) => IsWord(t) && char.IsUpper(_text[_tokens[t].Start]);

        private static bool IsDeterminer(ReadOnlySpan<char> w) => w.Length <= 4 && Determiners.Contains(w);

        // ---- mention detection ----

        private void AddName(EntityMention name, int sentenceIndex, Sentence sentence, HashSet<int> roleTokens)
        {
            int first = name.FirstToken, end = name.FirstToken + name.TokenCount;
            // A sentence-initial "The" the tagger took into the name is not part of it.
            if (end - first > 1 && Is(Word(first), "the")) first++;
            TextSpan? role = null;
            var gender = Gender.Unknown;

            // Titles the tagger kept inside the name ("President Zelensky") become the role.
            int nameStart = first;
            while (nameStart < end - 1 && (lexicons.IsRoleNoun(Word(nameStart)) || lexicons.IsRoleModifier(Word(nameStart)))) nameStart++;
            if (nameStart > first && name.Type == EntityType.Person)
            {
                bool onlyHonorifics = true;
                for (int k = first; k < nameStart; k++)
                {
                    gender = Merge(gender, EntityLexicons.GenderOfTitle(Word(k)));
                    onlyHonorifics &= IsHonorific(Word(k));
                }
                // "Mr." tells gender, not a role.
                if (!onlyHonorifics) role = new TextSpan(_tokens[first].Start, _tokens[nameStart - 1].End);
            }
            else nameStart = first;

            if (name.Type is EntityType.Person or EntityType.Organization)
            {
                var before = name.Type == EntityType.Person ? TitleBefore(nameStart == first ? first : first, sentence, ref gender) : null;
                var after = ApposedRole(end, sentence, roleTokens);
                var reverse = before is null && after is null ? ReverseApposition(first, sentence, roleTokens) : null;
                role ??= before ?? after ?? reverse;
            }

            var draft = new Draft
            {
                Span = new TextSpan(_tokens[nameStart].Start, _tokens[end - 1].End),
                FirstToken = nameStart,
                TokenCount = end - nameStart,
                Sentence = sentenceIndex,
                Kind = MentionKind.Name,
                Type = name.Type,
                Role = role,
            };
            if (name.Type == EntityType.Person)
            {
                gender = Merge(gender, lexicons.GenderOfFirstName(Word(nameStart)));
                if (role is { } r) gender = Merge(gender, GenderOfRole(r));
                draft.Gender = gender;
            }
            if (name.Type == EntityType.Misc && name.TokenCount == 1 && lexicons.CountryOfDemonym(Word(first)) is { } country)
            {
                draft.Type = EntityType.Location;
                draft.Country = country;
            }
            _mentions.Add(draft);
        }

        private static bool IsHonorific(ReadOnlySpan<char> word)
        {
            var w = word.TrimEnd('.');
            return w.Equals("mr", StringComparison.OrdinalIgnoreCase) || w.Equals("mrs", StringComparison.OrdinalIgnoreCase)
                || w.Equals("ms", StringComparison.OrdinalIgnoreCase) || w.Equals("miss", StringComparison.OrdinalIgnoreCase)
                || w.Equals("sir", StringComparison.OrdinalIgnoreCase) || w.Equals("madam", StringComparison.OrdinalIgnoreCase)
                || w.Equals("mme", StringComparison.OrdinalIgnoreCase) || w.Equals("messrs", StringComparison.OrdinalIgnoreCase);
        }

        private Gender GenderOfRole(TextSpan role)
        {
            var g = Gender.Unknown;
            for (int t = document.TokenIndexAt(role.Start); t < _tokens.Length && _tokens[t].End <= role.End; t++)
                g = Merge(g, EntityLexicons.GenderOfTitle(Word(t)));
            return g;
        }

        private static Gender Merge(Gender a, Gender b) => a == Gender.Unknown ? b : a;

        /// <summary>"Ukrainian President", "Kremlin spokesman", "Secretary of State", "Mr." right before a name.</summary>
        private TextSpan? TitleBefore(int nameFirst, Sentence sentence, ref Gender gender)
        {
            int left = nameFirst;
            bool sawRole = false;
            int committed = nameFirst;
            for (int t = nameFirst - 1; t >= sentence.FirstToken && nameFirst - t <= 6; t--)
            {
                if (!IsWord(t)) break;
                var w = Word(t);
                if (IsDeterminer(w)) break;
                if (lexicons.IsRoleNoun(w))
                {
                    sawRole = true;
                    left = t;
                    committed = t;
                    gender = Merge(gender, EntityLexicons.GenderOfTitle(w));
                    continue;
                }
                bool titleWord = IsCapitalized(t) || lexicons.IsRoleModifier(w) || lexicons.CountryOfDemonym(w) is not null
                    || w.Equals("of", StringComparison.Ordinal);
                if (!titleWord) break;
                left = t;
                if (sawRole) committed = t;
            }
            if (!sawRole || committed >= nameFirst) return null;
            if (committed == nameFirst - 1 && IsHonorific(Word(committed))) return null; // "Mr." alone: gender only
            while (committed < nameFirst && Word(committed).Equals("of", StringComparison.Ordinal)) committed++;
            return new TextSpan(_tokens[committed].Start, _tokens[nameFirst - 1].End);
        }

        /// <summary>", the head of the Crimean peninsula," after a name.</summary>
        private TextSpan? ApposedRole(int afterName, Sentence sentence, HashSet<int> roleTokens)
        {
            int t = afterName;
            if (t >= sentence.EndToken || _text[_tokens[t].Start] != ',') return null;
            t++;
            if (t < sentence.EndToken && _tokens[t].Kind == TokenKind.Number)
            {
                // ", 54, a former soldier": skip an age.
                if (t + 1 < sentence.EndToken && _text[_tokens[t + 1].Start] == ',') t += 2;
                else return null;
            }
            int start = t, roleAt = -1;
            for (; t < sentence.EndToken && t - start < 14; t++)
            {
                var token = _tokens[t];
                if (token.Kind is TokenKind.Terminal or TokenKind.Quote) break;
                if (token.Kind == TokenKind.Punct && _text[token.Start] is ',' or ';' or ')' or '(' or '\u2014' or '\u2013' or ':') break;
                if (!IsWord(t) && token.Kind != TokenKind.Number && !(token.Kind == TokenKind.Punct && _text[token.Start] is '-' or '\'' or '\u2019')) break;
                if (roleAt < 0 && t - start < 5 && IsWord(t) && lexicons.IsRoleNoun(Word(t))) roleAt = t;
                if (roleAt < 0 && t - start >= 5) return null;
            }
            if (roleAt < 0 || t == start) return null;
            // The apposition must open like a noun phrase: a determiner, a modifier or the role noun itself.
            var opening = Word(start);
            if (!(IsDeterminer(opening) || lexicons.IsRoleModifier(opening) || lexicons.IsRoleNoun(opening) || IsCapitalized(start)
                  || opening.Equals("his", StringComparison.OrdinalIgnoreCase) || opening.Equals("her", StringComparison.OrdinalIgnoreCase)))
                return null;
            for (int k = start; k < t; k++) roleTokens.Add(k);
            return new TextSpan(_tokens[start].Start, _tokens[t - 1].End);
        }

        /// <summary>"The head of the Crimean peninsula, Sergei Aksyonov, …" at the start of a sentence.</summary>
        private TextSpan? ReverseApposition(int nameFirst, Sentence sentence, HashSet<int> roleTokens)
        {
            int comma = nameFirst - 1;
            if (comma <= sentence.FirstToken || _text[_tokens[comma].Start] != ',') return null;
            int start = sentence.FirstToken;
            if (comma - start > 10 || !IsDeterminer(Word(start))) return null;
            bool role = false;
            for (int t = start; t < comma; t++)
            {
                if (!IsWord(t)) return null;
                role |= lexicons.IsRoleNoun(Word(t));
            }
            if (!role) return null;
            for (int k = start; k < comma; k++) roleTokens.Add(k);
            return new TextSpan(_tokens[start].Start, _tokens[comma - 1].End);
        }

        private bool TryPronoun(int t, int sentenceIndex)
        {
            if (!IsWord(t)) return false;
            var w = Word(t);
            if (w.Length > 10 || !Pronouns.TryGetValue(w, out var pronoun)) return false;
            var (type, gender) = pronoun;
            // "it" is an organisation only as the subject of a verb ("it said"); "it was raining", "withdrew it" are not.
            if (type == EntityType.Organization && Is(w, "it") && !(t + 1 < _tokens.Length && IsWord(t + 1) && SubjectVerbs.Contains(Word(t + 1).ToString())))
                type = EntityType.Misc;
            _mentions.Add(new Draft
            {
                Span = _tokens[t].Span, FirstToken = t, TokenCount = 1, Sentence = sentenceIndex,
                Kind = MentionKind.Pronoun, Type = type, Gender = gender,
            });
            return true;
        }

        private static bool Is(ReadOnlySpan<char> w, string pronoun) => w.Equals(pronoun, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// "the ministry", "the Crimean leader", "a ministry spokesperson": a determiner, up to three
        /// modifiers, and a singular role or organisation head noun not followed by a name.
        /// Returns the number of tokens consumed, 0 when there is no nominal here.
        /// </summary>
        private int TryNominal(int t, int sentenceIndex, Sentence sentence, List<EntityMention> names, int nextName)
        {
            if (!IsWord(t) || !IsDeterminer(Word(t))) return 0;
            bool definite = !(Is(Word(t), "a") || Is(Word(t), "an"));
            int head = -1;
            string? modifier = null;
            for (int k = t + 1; k < sentence.EndToken && k - t <= 4; k++)
            {
                if (!IsWord(k)) break;
                while (nextName < names.Count && names[nextName].FirstToken < k) nextName++;
                if (nextName < names.Count && names[nextName].FirstToken == k) break; // a tagged name is not part of a nominal
                var w = Word(k);
                if (lexicons.IsRoleNoun(w) && !IsPlural(w)) head = k;
                else if (lexicons.IsOrgHead(w) && !w.EndsWith("s")) { head = k; modifier = w.ToString(); }
                else if (head >= 0) break;
                else if (!(char.IsLower(w[0]) || IsCapitalized(k))) break;
                if (IsDeterminer(w)) break;
            }
            if (head < 0) return 0;
            // "the tourist season": a role noun followed by another noun modifies it.
            if (head + 1 < sentence.EndToken && IsWord(head + 1) && char.IsLower(_text[_tokens[head + 1].Start])
                && !CanFollowNounPhrase(Word(head + 1))) return 0;
            // "the president Volodymyr Zelensky": a title before a name, not a mention of its own.
            while (nextName < names.Count && names[nextName].FirstToken < head + 1) nextName++;
            if (head + 1 < sentence.EndToken && IsCapitalized(head + 1) && nextName < names.Count && names[nextName].FirstToken == head + 1) return 0;
            // "the ministry's" and "the ministry of" keep their head; "of"-phrases stay outside the mention.
            var headWord = Word(head);
            bool person = lexicons.IsRoleNoun(headWord);
            _mentions.Add(new Draft
            {
                Span = new TextSpan(_tokens[t].Start, _tokens[head].End),
                FirstToken = t,
                TokenCount = head - t + 1,
                Sentence = sentenceIndex,
                Kind = MentionKind.Nominal,
                Type = person ? EntityType.Person : EntityType.Organization,
                Gender = person ? EntityLexicons.GenderOfTitle(headWord) : Gender.Unknown,
                HeadNoun = headWord.ToString().ToLowerInvariant(),
                Definite = definite,
                Modifier = person ? modifier : null,
            });
            return head - t + 1;
        }

        /// <summary>
        /// Words that may follow a complete noun phrase: function words and verbs (regular past and
        /// third-person forms by their endings, common irregular ones by name).
        /// </summary>
        private static bool CanFollowNounPhrase(ReadOnlySpan<char> w) =>
            FollowWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
            || w.Length > 3 && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("s", StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal));

        private static readonly HashSet<string> FollowWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "of", "in", "on", "at", "for", "to", "from", "with", "by", "about", "after", "before", "during", "since",
            "and", "or", "but", "nor", "who", "whom", "whose", "which", "that", "is", "was", "are", "were", "be", "been",
            "has", "had", "have", "will", "would", "could", "can", "may", "might", "must", "should", "did", "does", "do",
            "said", "told", "spoke", "wrote", "gave", "went", "met", "made", "took", "came", "left", "saw", "got", "put",
            "sent", "held", "kept", "stood", "won", "lost", "became", "began", "thought", "knew", "felt", "brought",
            "also", "himself", "herself", "not", "never", "then", "later", "now", "again", "too", "as", "than", "when",
            "where", "while", "if", "because", "said.", "say", "tell", "says", "told.", "here", "there", "yesterday", "today",
        };

        private bool IsPlural(ReadOnlySpan<char> w) =>
            w.EndsWith("men", StringComparison.OrdinalIgnoreCase)
            || w.Length > 3 && (w[^1] == 's' && !w.EndsWith("ss") && lexicons.IsRoleNoun(w[..^1])
                || w.EndsWith("es") && lexicons.IsRoleNoun(w[..^2]));

        // ---- resolution ----

        private void Resolve(int index)
        {
            var m = _mentions[index];
            int cluster = m.Kind switch
            {
                MentionKind.Name => m.Country is not null ? CountryCluster(m.Country) : FindNamed(m),
                MentionKind.Pronoun => FindPronounAntecedent(index),
                _ => FindNominalAntecedent(index),
            };
            if (m.Kind == MentionKind.Name && m.Type == EntityType.Organization) IndexOrgName(index);
            if (cluster < 0 && m.Kind == MentionKind.Pronoun) return; // unresolved pronoun: no entity
            if (cluster < 0)
            {
                cluster = _clusters.Count;
                _clusters.Add(new Cluster { Type = m.Type });
                if (m.Kind == MentionKind.Nominal && !m.Definite && m.Modifier is { } mod)
                    _clusters[cluster].Affiliation = AffiliationOf(mod, index);
            }
            Attach(index, cluster);
        }

        private void Attach(int index, int cluster)
        {
            var m = _mentions[index];
            var c = _clusters[cluster];
            m.Cluster = cluster;
            c.Mentions.Add(index);
            c.LastMention = index;
            if (m.Kind == MentionKind.Name)
            {
                c.IsNamed = true;
                if (m.Country is null && !c.DistinctNames.Any(d => d.Span.AsSpan(_text).SequenceEqual(m.Span.AsSpan(_text))))
                {
                    c.DistinctNames.Add(m);
                    IndexName(m, cluster);
                    if (lexicons.IsOutlet(m.Span.GetText(_text))) c.IsOutlet = true;
                }
            }
            if (m.Gender == Gender.Male) c.MaleVotes++;
            else if (m.Gender == Gender.Female) c.FemaleVotes++;
        }

        private int CountryCluster(string country)
        {
            if (_countryClusters.TryGetValue(country, out int existing)) return existing;
            // A country already named in the text ("Ukraine") is the same entity as its demonym.
            for (int c = 0; c < _clusters.Count; c++)
            {
                if (_clusters[c].Type != EntityType.Location) continue;
                foreach (var name in _clusters[c].DistinctNames)
                    if (NameVariants.AreVariants(name.Span.AsSpan(_text), country))
                        return _countryClusters[country] = c;
            }
            _clusters.Add(new Cluster { Type = EntityType.Location, IsNamed = true });
            return _countryClusters[country] = _clusters.Count - 1;
        }

        /// <summary>Indexes a cluster's new distinct name by every key under which <see cref="SameName"/> can match it.</summary>
        private void IndexName(Draft name, int cluster)
        {
            var words = NameTokens(name);
            if (words.Length == 0) return; // never matches anything
            AddTo(_clustersByLastKey, Spellings(name)[^1].Key, cluster);
            if (words.Length == 1 && IsAcronymShaped(words[0])) AddTo(_clustersByAcronym, words[0], cluster);
            var initials = Initials(words);
            if (initials.Length >= 2) AddTo(_clustersByInitials, initials, cluster);
        }

        private static void AddTo(Dictionary<string, List<int>> index, string key, int value)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = new();
            if (list.Count == 0 || list[^1] != value) list.Add(value);
        }

        /// <summary>
        /// Clusters whose names could match <paramref name="m"/>, ascending: two names match only when their last
        /// words are variants (which share a skeleton) or one is the acronym of the other.
        /// </summary>
        private List<int> CandidateClusters(Draft m)
        {
            _candidates.Clear();
            var words = NameTokens(m);
            if (words.Length == 0) return _candidates;
            if (_clustersByLastKey.TryGetValue(Spellings(m)[^1].Key, out var byKey)) _candidates.AddRange(byKey);
            if (words.Length == 1 && IsAcronymShaped(words[0]) && _clustersByInitials.TryGetValue(words[0], out var byInitials))
                _candidates.AddRange(byInitials);
            var initials = Initials(words);
            if (initials.Length >= 2 && _clustersByAcronym.TryGetValue(initials, out var byAcronym)) _candidates.AddRange(byAcronym);
            _candidates.Sort();
            int write = 0;
            for (int i = 0; i < _candidates.Count; i++)
                if (write == 0 || _candidates[write - 1] != _candidates[i]) _candidates[write++] = _candidates[i];
            _candidates.RemoveRange(write, _candidates.Count - write);
            return _candidates;
        }

        /// <summary>The entity a name mention belongs to, or -1 for a new one.</summary>
        private int FindNamed(Draft m)
        {
            int best = -1;
            foreach (int c in CandidateClusters(m))
            {
                var cluster = _clusters[c];
                if (!cluster.IsNamed) continue;
                if (!TypesCompatible(cluster.Type, m.Type)) continue;
                bool match = false;
                foreach (var other in cluster.DistinctNames)
                {
                    if (SameName(m, other, m.Type == EntityType.Person && cluster.Type == EntityType.Person)) { match = true; break; }
                }
                if (!match) continue;
                // Several people share a surname (two Clintons): the most recently mentioned wins.
                if (best < 0 || _clusters[c].LastMention > _clusters[best].LastMention) best = c;
            }
            if (best >= 0 && m.Country is null && m.Type == EntityType.Person && _clusters[best].Type != EntityType.Person)
                return best;
            return best;
        }

        private static bool TypesCompatible(EntityType a, EntityType b) =>
            a == b || a is EntityType.Organization or EntityType.Location && b is EntityType.Organization or EntityType.Location;

        /// <summary>True when two name mentions name the same entity.</summary>
        private bool SameName(Draft a, Draft b, bool persons)
        {
            var ta = NameTokens(a);
            var tb = NameTokens(b);
            if (ta.Length == 0 || tb.Length == 0) return false;
            var sa = Spellings(a);
            var sb = Spellings(b);
            if (ta.Length == tb.Length && AllVariants(sa, 0, sb, 0, ta.Length)) return true;
            if (persons)
            {
                // Surname alone, or first name + surname against a longer form: the last tokens must agree,
                // and first names (when both have one) must agree too.
                if (!NameVariants.AreVariants(sa[^1], sb[^1])) return false;
                if (ta.Length == 1 || tb.Length == 1) return true;
                // "Robert Mills" against "J. Robert Mills": the shorter form's first name may be a middle name.
                var (shorter, longer, ss, sl) = ta.Length <= tb.Length ? (ta, tb, sa, sb) : (tb, ta, sb, sa);
                for (int k = 0; k < longer.Length - 1; k++)
                    if (FirstNamesAgree(shorter[0], ss[0], longer[k], sl[k])) return true;
                return false;
            }
            // Organisations: acronym ("FBI") or a shorter form that ends the longer one ("Foreign Ministry").
            var (shortName, longName, shortSp, longSp) = ta.Length <= tb.Length ? (ta, tb, sa, sb) : (tb, ta, sb, sa);
            if (shortName.Length == 1 && IsAcronymOf(shortName[0], longName)) return true;
            if (shortName.Length >= 2 && shortName.Length < longName.Length)
                return AllVariants(shortSp, 0, longSp, longName.Length - shortName.Length, shortName.Length);
            return false;
        }

        private static bool AllVariants(NameVariants.Spelling[] a, int aStart, NameVariants.Spelling[] b, int bStart, int count)
        {
            for (int i = 0; i < count; i++)
                if (!NameVariants.AreVariants(a[aStart + i], b[bStart + i])) return false;
            return true;
        }

        private static bool FirstNamesAgree(string a, in NameVariants.Spelling sa, string b, in NameVariants.Spelling sb)
        {
            if (NameVariants.AreVariants(sa, sb)) return true;
            // "J." and "John"; "Bill" vs "Hillary" do not agree.
            bool initialA = a.Length <= 2 && a.EndsWith('.') || a.Length == 1;
            bool initialB = b.Length <= 2 && b.EndsWith('.') || b.Length == 1;
            return (initialA || initialB) && char.ToLowerInvariant(a[0]) == char.ToLowerInvariant(b[0]);
        }

        private static bool IsAcronymOf(string acronym, string[] words) => IsAcronymShaped(acronym) && Initials(words) == acronym;

        private static bool IsAcronymShaped(string word) => word.Length >= 2 && word.All(char.IsUpper);

        private static string Initials(string[] words) =>
            new(words.Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0]).ToArray());

        private string[] NameTokens(Draft m)
        {
            if (m.Words is not null) return m.Words;
            var list = new List<string>(m.TokenCount);
            for (int t = m.FirstToken; t < m.FirstToken + m.TokenCount; t++)
            {
                if (!IsWord(t)) continue;
                var w = Word(t);
                if (w.Equals("’s", StringComparison.Ordinal) || w.Equals("'s", StringComparison.Ordinal)) continue;
                if (Is(w, "the")) continue;
                list.Add(w.ToString());
            }
            m.Words = list.ToArray();
            m.Spellings = m.Words.Select(w => new NameVariants.Spelling(w)).ToArray();
            return m.Words;
        }

        private NameVariants.Spelling[] Spellings(Draft m)
        {
            NameTokens(m);
            return m.Spellings!;
        }

        /// <summary>
        /// Pronoun antecedent: the first compatible entity mentioned in the same sentence before the pronoun,
        /// else the first (subject-most) one of each earlier sentence, nearest sentence first.
        /// </summary>
        private int FindPronounAntecedent(int index)
        {
            var p = _mentions[index];
            if (p.Type == EntityType.Misc) return -1; // "they": groups are not resolved
            // Mentions are in text order: find where the window starts, then scan sentence by sentence.
            int windowStart = index;
            while (windowStart > 0 && _mentions[windowStart - 1].Sentence >= p.Sentence - PronounWindow) windowStart--;
            for (int back = 0; back <= PronounWindow; back++)
            {
                int sentence = p.Sentence - back;
                if (sentence < 0) break;
                for (int i = windowStart; i < index; i++)
                {
                    var m = _mentions[i];
                    if (m.Sentence != sentence || m.Cluster < 0 || m.Kind == MentionKind.Pronoun && back > 0) continue;
                    var c = _clusters[m.Cluster];
                    if (!PronounFits(p, c)) continue;
                    // Within the pronoun's own sentence, skip a name inside the same clause's object ("he told Smith").
                    return m.Cluster;
                }
            }
            return -1;
        }

        private static bool PronounFits(Draft pronoun, Cluster c)
        {
            if (pronoun.Type == EntityType.Person)
            {
                if (c.Type != EntityType.Person) return false;
                var gender = c.MaleVotes > c.FemaleVotes ? Gender.Male : c.FemaleVotes > c.MaleVotes ? Gender.Female : Gender.Unknown;
                return gender == Gender.Unknown || gender == pronoun.Gender;
            }
            return c.Type == EntityType.Organization && !c.IsOutlet;
        }

        /// <summary>
        /// A definite nominal joins the last entity whose name or stated role has the same head noun
        /// ("the ministry" → "Russian Foreign Ministry"; "the president" → the person titled President).
        /// </summary>
        private int FindNominalAntecedent(int index)
        {
            var m = _mentions[index];
            if (!m.Definite || m.HeadNoun is null) return -1;
            bool generic = m.Type == EntityType.Organization && GenericOrgHeads.Contains(m.HeadNoun);
            for (int i = index - 1; i >= 0 && m.Sentence - _mentions[i].Sentence <= NominalWindow; i--)
            {
                var other = _mentions[i];
                if (other.Cluster < 0) continue;
                var c = _clusters[other.Cluster];
                if (c.Type != m.Type) continue;
                if (other.Kind == MentionKind.Name && ContainsWord(other.Span, m.HeadNoun)) return other.Cluster;
                // "the company" after "Northwind Shipping": a generic head takes the last named, non-outlet
                // organisation within a few sentences.
                if (generic && other.Kind == MentionKind.Name && !c.IsOutlet && m.Sentence - other.Sentence <= PronounWindow) return other.Cluster;
                if (other.Role is { } role && RoleHasHead(role, m.HeadNoun)) return other.Cluster;
                if (other.Kind == MentionKind.Nominal && other.HeadNoun == m.HeadNoun) return other.Cluster;
            }
            return -1;
        }

        private bool ContainsWord(TextSpan span, string word)
        {
            for (int t = document.TokenIndexAt(span.Start); t < _tokens.Length && _tokens[t].End <= span.End; t++)
                if (Word(t).Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private bool RoleHasHead(TextSpan role, string head)
        {
            if (ContainsWord(role, head)) return true;
            // "the Crimean leader" ~ "the head of …": leader, head and chief are one role.
            string[] group = ["leader", "head", "chief"];
            return group.Contains(head) && group.Any(g => ContainsWord(role, g));
        }

        /// <summary>"ministry" in "a ministry spokesperson" → the last organisation whose name has that word.</summary>
        /// <remarks>Mentions are resolved in text order, so the index holds exactly the mentions before this one.</remarks>
        private string AffiliationOf(string modifier, int index) =>
            _lastOrgNameByWord.TryGetValue(modifier, out int i) && i < index ? _mentions[i].Span.GetText(_text) : modifier;

        /// <summary>Records an organisation name mention under each of its words (the tokens <see cref="ContainsWord"/> reads).</summary>
        private void IndexOrgName(int index)
        {
            var span = _mentions[index].Span;
            for (int t = document.TokenIndexAt(span.Start); t < _tokens.Length && _tokens[t].End <= span.End; t++)
                _lastOrgNameByWord[Word(t).ToString()] = index;
        }

        // ---- output ----

        private void Build()
        {
            // Entities in order of first mention; ids follow that order.
            // Cluster → its first country in the dictionary's order (what a FirstOrDefault scan would find).
            var countryOf = new Dictionary<int, string>();
            foreach (var (name, cluster) in _countryClusters) countryOf.TryAdd(cluster, name);
            var order = Enumerable.Range(0, _clusters.Count).Where(c => _clusters[c].Mentions.Count > 0 || countryOf.ContainsKey(c))
                .OrderBy(c => _clusters[c].Mentions.Count > 0 ? _clusters[c].Mentions.Min() : int.MaxValue).ToList();
            var newIndex = new int[_clusters.Count];
            Array.Fill(newIndex, -1);
            for (int i = 0; i < order.Count; i++) newIndex[order[i]] = i;

            var mentions = ImmutableArray.CreateBuilder<Mention>(_mentions.Count);
            for (int i = 0; i < _mentions.Count; i++)
            {
                var m = _mentions[i];
                mentions.Add(new Mention
                {
                    Id = $"m{i + 1}",
                    Span = m.Span,
                    Kind = m.Kind,
                    Type = m.Cluster >= 0 ? _clusters[m.Cluster].Type : m.Type,
                    Entity = m.Cluster >= 0 ? newIndex[m.Cluster] : -1,
                    Role = m.Role,
                });
            }

            var entities = ImmutableArray.CreateBuilder<ResolvedEntity>(order.Count);
            for (int i = 0; i < order.Count; i++)
            {
                var c = _clusters[order[i]];
                var names = c.Mentions.Where(mi => _mentions[mi].Kind == MentionKind.Name && _mentions[mi].Country is null)
                    .Select(mi => _mentions[mi]).ToList();
                string canonical;
                if (countryOf.TryGetValue(order[i], out var country) && names.Count == 0)
                    canonical = country;
                else if (names.Count > 0)
                    canonical = names.OrderByDescending(n => NameTokens(n).Length).ThenByDescending(n => n.Span.Length).ThenBy(n => n.Span.Start)
                        .Select(n => Collapse(StripPossessive(n.Span.GetText(_text)))).First();
                else
                    canonical = Collapse(_mentions[c.Mentions[0]].Span.GetText(_text));
                var aliases = names.Select(n => Collapse(StripPossessive(n.Span.GetText(_text))))
                    .Where(a => a != canonical).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
                var roles = c.Mentions.Select(mi => _mentions[mi].Role).Where(r => r is not null)
                    .Select(r => Collapse(r!.Value.GetText(_text))).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
                entities.Add(new ResolvedEntity
                {
                    Id = $"e{i + 1}",
                    Name = canonical,
                    Type = c.Type,
                    IsNamed = c.IsNamed,
                    IsOutlet = c.IsOutlet,
                    Gender = c.Type != EntityType.Person ? Gender.Unknown : c.MaleVotes > c.FemaleVotes ? Gender.Male : c.FemaleVotes > c.MaleVotes ? Gender.Female : Gender.Unknown,
                    Roles = roles,
                    Aliases = aliases,
                    Affiliation = c.Affiliation,
                    Mentions = c.Mentions.Order().ToImmutableArray(),
                });
            }
            Mentions = mentions.MoveToImmutable();
            Entities = entities.MoveToImmutable();
        }

        private static string StripPossessive(string name) =>
            name.EndsWith("’s", StringComparison.Ordinal) || name.EndsWith("'s", StringComparison.Ordinal) ? name[..^2] : name;

        private static string Collapse(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
