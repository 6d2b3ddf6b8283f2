using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Credstack.Cli.Commands.Issue;

/// <summary>
/// The options and HTTP client shared by the commands that call a Credstack server's REST API
/// (<c>--server</c>, <c>--token</c>, <c>--org</c>), and the reading of its RFC 9457 problems.
/// </summary>
internal sealed class ServerApi
{
    private static readonly AsyncLocal<HttpMessageHandler?> TestHandler = new();

    public ServerApi()
    {
        Server.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError($"--server must be an absolute http(s) URL (not '{value}').");
            }
        });
    }

    public Option<string> Server { get; } = new("--server")
    {
        Description = "The server's base URL, e.g. https://credstack.example.org.",
        Required = true,
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = "An API token of the organization (cst_…) with the awards:write scope; defaults to $CREDSTACK_TOKEN.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CREDSTACK_TOKEN") ?? string.Empty,
    };

    public Option<string> Org { get; } = new("--org")
    {
        Description = "The organization's id (API tokens belong to one organization; its URLs name it).",
        Required = true,
    };

    /// <summary>Tests hand in the in-process test server's handler for the current async flow.</summary>
    internal static HttpMessageHandler? Handler
    {
        get => TestHandler.Value;
        set => TestHandler.Value = value;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
        command.Options.Add(Org);
    }

    /// <summary>A client for the server with the bearer token, or null (and a message) when the token is missing.</summary>
    public HttpClient? CreateClient(ParseResult parseResult, out string? problem)
    {
        var token = parseResult.GetValue(Token);
        if (string.IsNullOrWhiteSpace(token))
        {
            problem = "An API token is required: --token cst_… or the CREDSTACK_TOKEN environment variable.";
            return null;
        }

        problem = null;
        var handler = Handler;
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = new Uri(parseResult.GetValue(Server)!.TrimEnd('/') + "/");
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        return client;
    }

    public string OrgPath(ParseResult parseResult, string rest) => $"api/v1/orgs/{Uri.EscapeDataString(parseResult.GetValue(Org)!)}/{rest}";

    /// <summary>The exit code and a sentence for a response that is not a success.</summary>
    public static async Task<CliOutput.Failure> FailureOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var message = $"the server answered {(int)response.StatusCode}";
        var code = "http";
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind is JsonValueKind.Object)
            {
                if (problem.RootElement.TryGetProperty("type", out var type) && type.GetString() is { } t)
                {
                    code = t[(t.LastIndexOf('/') + 1)..];
                }

                var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString()
                    : problem.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
                if (problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind is JsonValueKind.Object)
                {
                    detail = string.Join(" ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))}"));
                }

                if (detail is not null)
                {
                    message += ": " + detail;
                }
            }
        }
        catch (JsonException)
        {
            // not a problem document; the status says enough
        }

        var exit = (int)response.StatusCode switch
        {
            400 or 413 or 415 or 422 => ExitCodes.InvalidInput,
            >= 500 => ExitCodes.InternalError,
            _ => ExitCodes.ProcessingFailed,
        };
        return new CliOutput.Failure(exit, code, message);
    }
}
