namespace Parley.Syntax;

/// <summary>
/// The syntax models shipped with Parley (<c>models/pos.bin</c>, <c>models/parser.bin</c>, <c>models/parser-fast.bin</c> next to the
/// application), loaded lazily on first use and shared: models are immutable and thread-safe.
/// </summary>
public static class SyntaxModels
{
    private static readonly Lazy<PosTagger> Tagger = new(() => PosTagger.Load(PathOf("pos.bin")));
    private static readonly Lazy<DependencyParser> Parser = new(() => DependencyParser.Load(PathOf("parser.bin")));
    private static readonly Lazy<DependencyParser> FastParser = new(() => DependencyParser.Load(PathOf("parser-fast.bin")));

    /// <summary>The folder the shipped models are read from: <c>models/</c> under the application's folder.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The shipped POS tagger (loaded on first use).</summary>
    /// <exception cref="FileNotFoundException">models/pos.bin is missing.</exception>
    /// <exception cref="InvalidDataException">models/pos.bin is corrupt.</exception>
    public static PosTagger PosTagger => Tagger.Value;

    /// <summary>The shipped dependency parser (loaded on first use).</summary>
    /// <exception cref="FileNotFoundException">models/parser.bin is missing.</exception>
    /// <exception cref="InvalidDataException">models/parser.bin is corrupt.</exception>
    public static DependencyParser DependencyParser => Parser.Value;

    /// <summary>The shipped fast parser (<c>models/parser-fast.bin</c>: fewer features, faster, less accurate; loaded on first use).</summary>
    /// <exception cref="FileNotFoundException">models/parser-fast.bin is missing.</exception>
    /// <exception cref="InvalidDataException">models/parser-fast.bin is corrupt.</exception>
    public static DependencyParser FastDependencyParser => FastParser.Value;

    /// <summary>The full path of a shipped model file.</summary>
    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
