namespace Parley.Learning;

/// <summary>A model file is missing, truncated, corrupt, or of another format or version.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
