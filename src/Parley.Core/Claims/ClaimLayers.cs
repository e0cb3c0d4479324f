using Parley.Documents;

namespace Parley.Claims;

/// <summary>Layers produced by the claims stage.</summary>
public static class ClaimLayers
{
    /// <summary>One claim per sentence, in sentence order.</summary>
    public static readonly Layer<Claim> Claims = new("claims");
}
