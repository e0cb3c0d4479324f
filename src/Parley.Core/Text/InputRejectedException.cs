namespace Parley.Text;

/// <summary>Input that Parley refuses to read (binary, invalid encoding, empty, too large). The message is one line, fit for users.</summary>
public sealed class InputRejectedException : Exception
{
    /// <summary>Creates the exception with a one-line reason.</summary>
    public InputRejectedException(string message) : base(message) { }
}
