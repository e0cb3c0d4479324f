using Parley.Claims;
using Parley.Statements;
using Parley.Text;

namespace Parley.Serialization;

/// <summary>The names enum values have in every output (snake_case, stable).</summary>
public static class Names
{
    /// <summary>Statement kind name: direct, indirect, mixed, according_to, belief.</summary>
    public static string Of(StatementKind kind) => kind switch
    {
        StatementKind.Direct => "direct",
        StatementKind.Indirect => "indirect",
        StatementKind.Mixed => "mixed",
        StatementKind.AccordingTo => "according_to",
        StatementKind.Belief => "belief",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Speaker type name: person, organization, anonymous, vague, unknown.</summary>
    public static string Of(SpeakerType type) => type switch
    {
        SpeakerType.Person => "person",
        SpeakerType.Organization => "organization",
        SpeakerType.Anonymous => "anonymous",
        SpeakerType.Vague => "vague",
        _ => "unknown",
    };

    /// <summary>Channel kind name: interview, statement, press_conference, social_media, report, anonymous_sources, other.</summary>
    public static string Of(ChannelKind kind) => kind switch
    {
        ChannelKind.Interview => "interview",
        ChannelKind.Statement => "statement",
        ChannelKind.PressConference => "press_conference",
        ChannelKind.SocialMedia => "social_media",
        ChannelKind.Report => "report",
        ChannelKind.AnonymousSources => "anonymous_sources",
        _ => "other",
    };

    /// <summary>Quote mark style name.</summary>
    public static string Of(QuoteMarkStyle style) => style switch
    {
        QuoteMarkStyle.CurlyDouble => "curly_double",
        QuoteMarkStyle.CurlySingle => "curly_single",
        QuoteMarkStyle.Guillemet => "guillemet",
        QuoteMarkStyle.SingleGuillemet => "single_guillemet",
        QuoteMarkStyle.StraightDouble => "straight_double",
        _ => "straight_single",
    };

    /// <summary>Token kind name.</summary>
    public static string Of(TokenKind kind) => kind switch
    {
        TokenKind.Word => "word",
        TokenKind.Number => "number",
        TokenKind.Quote => "quote",
        TokenKind.Terminal => "terminal",
        TokenKind.Punct => "punct",
        _ => "symbol",
    };

    /// <summary>Claim label name: attributed, unattributed, hedged, question, other.</summary>
    public static string Of(ClaimLabel label) => label switch
    {
        ClaimLabel.Attributed => "attributed",
        ClaimLabel.Unattributed => "unattributed",
        ClaimLabel.Hedged => "hedged",
        ClaimLabel.Question => "question",
        _ => "other",
    };
}
