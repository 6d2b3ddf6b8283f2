// Runs tools/interop/harness.mjs, the Digital Bazaar / Digital Credentials Consortium JavaScript stack, under node:
// one process per batch (stdin one JSON per line, stdout one JSON result per line), with a timeout, and never with
// the network (the harness serves contexts from the conformance folder and resolves did:key locally).
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Credstack.Interop.Tests;

internal static class JavaScriptStack
{
    /// <summary>How long one node process may take; a batch normally takes about a second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static readonly Lazy<string?> NodePath = new(FindNode);
    private static readonly Lazy<string?> ToolsPath = new(FindTools);

    /// <summary>The contexts map the harness loads documents from (conformance contexts/index.json).</summary>
    public static string ContextsIndex => Conformance.PathOf("contexts", "index.json");

    /// <summary>Why the JavaScript stack cannot run here, or null when it can.</summary>
    public static string? MissingReason()
    {
        if (!Conformance.Has("contexts", "index.json"))
        {
            return Conformance.MissingReason + " (needs contexts/index.json)";
        }

        if (NodePath.Value is null)
        {
            return "node was not found on PATH (or CREDSTACK_NODE): the JavaScript interop tests need node 20 or later.";
        }

        return ToolsPath.Value is null
            ? "The npm packages of tools/interop are not installed: run ./test.sh (it runs npm ci there) or set CREDSTACK_INTEROP_TOOLS."
            : null;
    }

    /// <summary>
    /// Runs <c>node harness.mjs COMMAND --contexts INDEX OPTIONS</c> over <paramref name="lines"/> and returns one
    /// parsed result per line. Throws when the stack is missing, node fails, times out or answers the wrong number of lines.
    /// </summary>
    public static async Task<IReadOnlyList<JsonObject>> RunAsync(string command, IReadOnlyList<string> lines, params string[] options)
    {
        if (MissingReason() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var tools = ToolsPath.Value!;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var start = new ProcessStartInfo(NodePath.Value!)
        {
            WorkingDirectory = tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
            StandardErrorEncoding = utf8,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(tools, "harness.mjs"), command, "--contexts", ContextsIndex, .. options])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            foreach (var line in lines)
            {
                await process.StandardInput.WriteAsync((line + "\n").AsMemory(), timeout.Token);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node harness.mjs {command} did not finish within {Timeout.TotalSeconds} s.");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node harness.mjs {command} exited with {process.ExitCode}: {errors}");
        }

        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        return results.Count == lines.Count
            ? results
            : throw new InvalidOperationException($"node harness.mjs {command} answered {results.Count} lines for {lines.Count}: {errors}");
    }

    private static string? FindNode()
    {
        var configured = Environment.GetEnvironmentVariable("CREDSTACK_NODE");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
    }

    private static string? FindTools()
    {
        var configured = Environment.GetEnvironmentVariable("CREDSTACK_INTEROP_TOOLS");
        string? tools = null;
        if (!string.IsNullOrEmpty(configured))
        {
            tools = configured;
        }
        else
        {
            // Walk up from the test binary to the repository root.
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && tools is null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Credstack.slnx")))
                {
                    tools = Path.Combine(dir.FullName, "tools", "interop");
                }
            }
        }

        // Installed means the two entry points the harness imports first and last are there.
        return tools is not null
            && File.Exists(Path.Combine(tools, "harness.mjs"))
            && Directory.Exists(Path.Combine(tools, "node_modules", "@digitalbazaar", "vc"))
            && Directory.Exists(Path.Combine(tools, "node_modules", "@digitalcredentials", "verifier-core"))
            ? Path.GetFullPath(tools)
            : null;
    }
}
