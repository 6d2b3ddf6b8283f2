using System.Text;

namespace Credstack.Cli.Commands.Canonicalization;

/// <summary>Reads a command's input from a file or standard input, refusing anything over a size cap before it is all in memory.</summary>
internal static class InputReader
{
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    /// <summary>The whole input as UTF-8 bytes, or an error sentence.</summary>
    public static (byte[]? Bytes, string? Error) ReadAll(FileInfo? file, long maxBytes)
    {
        if (file is null || file.Name == "-")
        {
            return ReadText(Console.In, maxBytes);
        }

        if (!file.Exists)
        {
            return (null, $"file not found: {file.FullName}");
        }

        if (file.Length > maxBytes)
        {
            return (null, $"input is {file.Length:N0} bytes, over the limit of {maxBytes:N0} bytes (raise it with --max-input-bytes)");
        }

        return (File.ReadAllBytes(file.FullName), null);
    }

    /// <summary>The input's lines for <c>--jsonl</c>; blank lines are kept so output line numbers match input line numbers.</summary>
    public static IEnumerable<string> ReadLines(FileInfo? file)
    {
        using var reader = file is null || file.Name == "-" ? null : new StreamReader(file.FullName, Encoding.UTF8);
        var source = reader ?? Console.In;
        while (source.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static (byte[]? Bytes, string? Error) ReadText(TextReader reader, long maxBytes)
    {
        var builder = new StringBuilder();
        var buffer = new char[81920];
        long bytes = 0;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            bytes += Encoding.UTF8.GetByteCount(buffer.AsSpan(0, read));
            if (bytes > maxBytes)
            {
                return (null, $"input is over the limit of {maxBytes:N0} bytes (raise it with --max-input-bytes)");
            }

            builder.Append(buffer, 0, read);
        }

        return (Encoding.UTF8.GetBytes(builder.ToString()), null);
    }
}
