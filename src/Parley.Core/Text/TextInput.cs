namespace Parley.Text;

/// <summary>Reads a document's text from a file or a stream, refusing anything that is not readable text with a one-line reason.</summary>
public static class TextInput
{
    /// <summary>Reads and decodes a file.</summary>
    /// <exception cref="InputRejectedException">The path is missing, a directory, unreadable, too large, or not text.</exception>
    public static string ReadFile(string path, long maxBytes = TextDecoder.DefaultMaxBytes)
    {
        if (Directory.Exists(path)) throw new InputRejectedException("is a directory, not a file");
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists) throw new InputRejectedException("no such file");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputRejectedException($"not a valid path ({e.Message})");
        }
        // Check the size before reading so a huge file costs nothing.
        if (info.Length > maxBytes)
            throw new InputRejectedException($"input is too large ({TextDecoder.FormatSize(info.Length)}; the limit is {TextDecoder.FormatSize(maxBytes)})");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputRejectedException("permission denied");
        }
        catch (IOException e)
        {
            throw new InputRejectedException($"cannot read ({e.Message})");
        }
        return TextDecoder.Decode(bytes, maxBytes);
    }

    /// <summary>Reads and decodes a whole stream (standard input), stopping as soon as it passes the limit.</summary>
    /// <exception cref="InputRejectedException">The stream is too large or not text.</exception>
    public static string ReadStream(Stream stream, long maxBytes = TextDecoder.DefaultMaxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                throw new InputRejectedException($"input is too large (over the limit of {TextDecoder.FormatSize(maxBytes)})");
        }
        return TextDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), maxBytes);
    }

    /// <summary>A document id from a path: the file name without its extension ("stdin" for "-").</summary>
    public static string IdFromPath(string path) =>
        path == "-" ? "stdin" : Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path)) is { Length: > 0 } stem ? stem : path;
}
