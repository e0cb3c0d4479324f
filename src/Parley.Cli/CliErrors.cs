using Parley.Text;

namespace Parley.Cli;

/// <summary>Turns failures into one-line messages and exit codes: users never see a stack trace.</summary>
internal static class CliErrors
{
    /// <summary>Exit code when some inputs failed.</summary>
    public const int InputFailed = 1;

    /// <summary>Exit code for bad arguments or a missing resource.</summary>
    public const int Usage = 2;

    /// <summary>Exit code for an unexpected internal error.</summary>
    public const int Internal = 70;

    /// <summary>Runs <paramref name="action"/>, mapping exceptions to a message on stderr and an exit code.</summary>
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (InputRejectedException e)
        {
            Error(e.Message);
            return InputFailed;
        }
        catch (Parley.Corpus.Store.CorpusStoreException e)
        {
            Error(e.Message);
            return Usage;
        }
        catch (System.Data.Common.DbException e)
        {
            Error($"database error: {e.Message}");
            return InputFailed;
        }
        catch (UsageException e)
        {
            Error(e.Message);
            return Usage;
        }
        catch (OperationCanceledException)
        {
            Error("cancelled");
            return 130;
        }
        catch (Exception e)
        {
            // One line for users; PARLEY_DEBUG=1 shows the whole exception for developers.
            Error($"internal error: {e.GetType().Name}: {FirstLine(e.Message)}");
            if (Environment.GetEnvironmentVariable("PARLEY_DEBUG") == "1") Console.Error.WriteLine(e);
            return Internal;
        }
    }

    /// <summary>Writes "parley: message" to stderr.</summary>
    public static void Error(string message) => Console.Error.WriteLine($"parley: {FirstLine(message)}");

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}

/// <summary>A wrong argument or option value; reported in one line with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
