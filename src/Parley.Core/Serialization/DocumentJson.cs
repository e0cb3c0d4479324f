using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Claims;
using Parley.Documents;
using Parley.Entities;
using Parley.Entities.Resolution;
using Parley.Statements;

namespace Parley.Serialization;

/// <summary>Options for <see cref="DocumentJson"/>.</summary>
public sealed record DocumentJsonOptions
{
    /// <summary>Indent the output (for <c>--format json</c>); off for JSON Lines.</summary>
    public bool Indented { get; init; }

    /// <summary>Include the token layer (large; off by default).</summary>
    public bool IncludeTokens { get; init; }
}

/// <summary>
/// Writes a document as Parley's stable JSON shape (see docs/format.md). Every span is written as
/// <c>{start, end, text}</c> with half-open UTF-16 offsets into the original text.
/// </summary>
public static class DocumentJson
{
    /// <summary>The schema version written in the <c>version</c> field. Bump it on any breaking change.</summary>
    public const int SchemaVersion = 1;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The document as a JSON string.</summary>
    public static string ToJson(Document document, DocumentJsonOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>(document.Text.Length * 3 + 1024);
        Write(buffer, document, options);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the document to <paramref name="output"/> as UTF-8 JSON.</summary>
    public static void Write(IBufferWriter<byte> output, Document document, DocumentJsonOptions? options = null)
    {
        options ??= new DocumentJsonOptions();
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = options.Indented, Encoder = Encoder });
        Write(writer, document, options);
    }

    /// <summary>Writes the document as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Document document, DocumentJsonOptions options)
    {
        string text = document.Text;
        writer.WriteStartObject();
        writer.WriteNumber("version", SchemaVersion);

        var meta = document.Metadata;
        writer.WriteStartObject("document");
        writer.WriteString("id", meta.Id);
        WriteNullable(writer, "source", meta.Source);
        WriteNullable(writer, "title", meta.Title);
        WriteNullable(writer, "outlet", meta.Outlet);
        if (meta.Published is { } published) writer.WriteString("published", published.ToString("yyyy-MM-ddTHH:mm:ssK"));
        else writer.WriteNull("published");
        WriteNullable(writer, "url", meta.Url);
        writer.WriteString("language", meta.Language);
        writer.WriteNumber("length", text.Length);
        writer.WriteEndObject();

        writer.WriteStartArray("headlines");
        foreach (var h in document.Headlines)
        {
            writer.WriteStartObject();
            WriteSpanFields(writer, text, h.Span);
            writer.WriteBoolean("duplicate", h.IsDuplicate);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("paragraphs");
        foreach (var p in document.Paragraphs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", p.Span.Start);
            writer.WriteNumber("end", p.Span.End);
            if (p.IsHeadline) writer.WriteBoolean("headline", true);
            writer.WriteEndObject();
            Spill(writer);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("sentences");
        foreach (var s in document.Sentences)
        {
            writer.WriteStartObject();
            WriteSpanFields(writer, text, s.Span);
            writer.WriteNumber("paragraph", s.Paragraph);
            if (s.IsHeadline) writer.WriteBoolean("headline", true);
            writer.WriteEndObject();
            Spill(writer);
        }
        writer.WriteEndArray();

        if (options.IncludeTokens)
        {
            writer.WriteStartArray("tokens");
            foreach (var t in document.Tokens)
            {
                writer.WriteStartObject();
                WriteSpanFields(writer, text, t.Span);
                writer.WriteString("kind", Names.Of(t.Kind));
                writer.WriteEndObject();
                Spill(writer);
            }
            writer.WriteEndArray();
        }

        if (document.Has(CoreferenceLayers.Entities)) WriteEntities(writer, text, document);

        writer.WriteStartArray("quotes");
        foreach (var q in document.Quotes)
        {
            writer.WriteStartObject();
            WriteSpanFields(writer, text, q.Extent);
            writer.WriteString("style", Names.Of(q.Style));
            writer.WriteBoolean("speech", q.IsSpeech);
            writer.WriteNumber("depth", q.Depth);
            writer.WriteBoolean("closed", q.Close is not null);
            WriteSpanArray(writer, "content", text, q.Content);
            writer.WriteEndObject();
            Spill(writer);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("statements");
        foreach (var statement in document.Statements)
        {
            WriteStatement(writer, text, statement);
            Spill(writer);
        }
        writer.WriteEndArray();

        if (document.Has(ClaimLayers.Claims))
        {
            writer.WriteStartArray("claims");
            foreach (var claim in document.Get(ClaimLayers.Claims))
            {
                WriteClaim(writer, text, claim);
                Spill(writer);
            }
            writer.WriteEndArray();
            WriteProfile(writer, SourcingProfile.Compute(document));
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteStatement(Utf8JsonWriter writer, string text, Statement statement)
    {
        writer.WriteStartObject();
        writer.WriteString("id", statement.Id);
        writer.WriteString("kind", Names.Of(statement.Kind));
        WriteOptionalSpan(writer, "cue", text, statement.Cue);
        WriteOptionalSpan(writer, "source", text, statement.Source);
        WriteSpanArray(writer, "content", text, statement.Content);
        if (statement.Speaker is { } speaker)
        {
            writer.WriteStartObject("speaker");
            writer.WriteString("name", speaker.Name);
            writer.WriteString("type", Names.Of(speaker.Type));
            WriteNullable(writer, "entity", speaker.Entity);
            WriteNullable(writer, "role", speaker.Role);
            WriteNullable(writer, "affiliation", speaker.Affiliation);
            writer.WriteEndObject();
        }
        else writer.WriteNull("speaker");
        if (statement.Channel is { } channel)
        {
            writer.WriteStartObject("channel");
            writer.WriteString("name", channel.Name);
            writer.WriteString("kind", Names.Of(channel.Kind));
            WriteNullable(writer, "entity", channel.Entity);
            WriteOptionalSpan(writer, "span", text, channel.Span);
            writer.WriteEndObject();
        }
        else writer.WriteNull("channel");
        writer.WriteNumber("confidence", Math.Round(statement.Confidence, 3));
        writer.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter writer, string text, Document document)
    {
        var mentions = document.Get(CoreferenceLayers.Mentions);
        var entities = document.Get(CoreferenceLayers.Entities);
        writer.WriteStartArray("entities");
        foreach (var entity in entities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entity.Id);
            writer.WriteString("name", entity.Name);
            writer.WriteString("type", EntityTypes.Name(entity.Type));
            writer.WriteBoolean("named", entity.IsNamed);
            writer.WriteBoolean("outlet", entity.IsOutlet);
            if (entity.Gender != Gender.Unknown) writer.WriteString("gender", entity.Gender == Gender.Male ? "male" : "female");
            else writer.WriteNull("gender");
            writer.WriteStartArray("roles");
            foreach (var role in entity.Roles) writer.WriteStringValue(role);
            writer.WriteEndArray();
            writer.WriteStartArray("aliases");
            foreach (var alias in entity.Aliases) writer.WriteStringValue(alias);
            writer.WriteEndArray();
            WriteNullable(writer, "affiliation", entity.Affiliation);
            writer.WriteStartArray("mentions");
            foreach (int m in entity.Mentions) writer.WriteStringValue(mentions[m].Id);
            writer.WriteEndArray();
            writer.WriteEndObject();
            Spill(writer);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("mentions");
        foreach (var mention in mentions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", mention.Id);
            WriteSpanFields(writer, text, mention.Span);
            writer.WriteString("kind", mention.Kind switch { MentionKind.Name => "name", MentionKind.Pronoun => "pronoun", _ => "nominal" });
            writer.WriteString("type", EntityTypes.Name(mention.Type));
            if (mention.Entity >= 0) writer.WriteString("entity", entities[mention.Entity].Id);
            else writer.WriteNull("entity");
            WriteOptionalSpan(writer, "role", text, mention.Role);
            writer.WriteEndObject();
            Spill(writer);
        }
        writer.WriteEndArray();
    }

    private static void WriteClaim(Utf8JsonWriter writer, string text, Claim claim)
    {
        writer.WriteStartObject();
        writer.WriteNumber("sentence", claim.Sentence);
        WriteSpanFields(writer, text, claim.Span);
        writer.WriteString("label", Names.Of(claim.Label));
        writer.WriteStartArray("statements");
        foreach (var id in claim.Statements) writer.WriteStringValue(id);
        writer.WriteEndArray();
        WriteTerms(writer, "hedges", text, claim.Hedges);
        WriteTerms(writer, "loaded", text, claim.Loaded);
        writer.WriteEndObject();
    }

    private static void WriteTerms(Utf8JsonWriter writer, string name, string text, IEnumerable<Term> terms)
    {
        writer.WriteStartArray(name);
        foreach (var term in terms)
        {
            writer.WriteStartObject();
            WriteSpanFields(writer, text, term.Span);
            writer.WriteString("category", term.Category);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteProfile(Utf8JsonWriter writer, SourcingProfile profile)
    {
        writer.WriteStartObject("profile");
        writer.WriteNumber("statements", profile.Statements);
        writer.WriteNumber("named", profile.Named);
        writer.WriteNumber("anonymous", profile.Anonymous);
        writer.WriteNumber("vague", profile.Vague);
        writer.WriteNumber("unknown", profile.Unknown);
        writer.WriteStartObject("bySpeakerType");
        writer.WriteNumber(Names.Of(SpeakerType.Person), profile.Person);
        writer.WriteNumber(Names.Of(SpeakerType.Organization), profile.Organization);
        writer.WriteNumber(Names.Of(SpeakerType.Anonymous), profile.Anonymous);
        writer.WriteNumber(Names.Of(SpeakerType.Vague), profile.Vague);
        writer.WriteNumber(Names.Of(SpeakerType.Unknown), profile.Unknown);
        writer.WriteEndObject();
        writer.WriteStartObject("byKind");
        foreach (var (kind, count) in profile.ByKind) writer.WriteNumber(Names.Of(kind), count);
        writer.WriteEndObject();
        writer.WriteNumber("sentences", profile.Sentences);
        writer.WriteStartObject("byLabel");
        foreach (var (label, count) in profile.ByLabel) writer.WriteNumber(Names.Of(label), count);
        writer.WriteEndObject();
        writer.WriteNumber("loadedTerms", profile.LoadedTerms);
        writer.WriteNumber("namedShare", Math.Round(profile.NamedShare, 3));
        writer.WriteNumber("unattributedShare", Math.Round(profile.UnattributedShare, 3));
        writer.WriteEndObject();
    }

    /// <summary>
    /// Hands the bytes written so far to the writer's output once they pass 64 KiB, so that a large document streams
    /// to its stream instead of being held whole in the writer's buffer (same bytes either way).
    /// </summary>
    private static void Spill(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= 1 << 16) writer.Flush();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static void WriteSpanFields(Utf8JsonWriter writer, string text, TextSpan span)
    {
        writer.WriteNumber("start", span.Start);
        writer.WriteNumber("end", span.End);
        writer.WriteString("text", span.AsSpan(text));
    }

    private static void WriteOptionalSpan(Utf8JsonWriter writer, string name, string text, TextSpan? span)
    {
        if (span is not { } s)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        WriteSpanFields(writer, text, s);
        writer.WriteEndObject();
    }

    private static void WriteSpanArray(Utf8JsonWriter writer, string name, string text, IEnumerable<TextSpan> spans)
    {
        writer.WriteStartArray(name);
        foreach (var span in spans)
        {
            writer.WriteStartObject();
            WriteSpanFields(writer, text, span);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
