using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Credstack.Cli.Commands.Issue;

/// <summary>
/// <c>credstack issue</c>: issues one award on a Credstack server through its REST API
/// (<c>POST /api/v1/orgs/{org}/awards</c>) and prints the award id and credential URL.
/// </summary>
internal static class IssueCommand
{
    public static Command Create()
    {
        var api = new ServerApi();
        var achievement = new Option<string>("--achievement") { Description = "The achievement's id.", Required = true };
        var email = new Option<string?>("--email") { Description = "The recipient's e-mail address." };
        var did = new Option<string?>("--did") { Description = "The recipient's DID." };
        var narrative = new Option<string?>("--narrative") { Description = "What the recipient did (Markdown)." };
        var evidence = new Option<string?>("--evidence-url") { Description = "A URL of evidence." };
        var noNotify = new Option<bool>("--no-notify") { Description = "Do not e-mail the recipient a claim link." };
        var json = new Option<bool>("--json") { Description = "Print the server's response (award and credential) as JSON." };
        var command = new Command("issue", "Issue one award on a Credstack server (needs an API token with awards:write).")
        {
            achievement, email, did, narrative, evidence, noNotify, json,
        };
        api.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(email) is null) == (result.GetValue(did) is null))
            {
                result.AddError("Give the recipient with exactly one of --email or --did.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult, "issue", json);
            using var client = api.CreateClient(parseResult, out var missing);
            if (client is null)
            {
                return output.Fail(ExitCodes.UsageError, "usage", missing!);
            }

            var evidenceUrl = parseResult.GetValue(evidence);
            var request = new
            {
                achievementId = parseResult.GetValue(achievement),
                recipient = new { email = parseResult.GetValue(email), did = parseResult.GetValue(did) },
                narrative = parseResult.GetValue(narrative),
                evidence = evidenceUrl is null ? null : new[] { new { id = evidenceUrl } },
                notify = !parseResult.GetValue(noNotify),
            };
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsJsonAsync(api.OrgPath(parseResult, "awards"), request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                return output.Fail(ExitCodes.ProcessingFailed, "connection", $"could not reach {client.BaseAddress}: {e.Message}");
            }

            using (response)
            {
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    var failure = await ServerApi.FailureOfAsync(response, cancellationToken).ConfigureAwait(false);
                    return output.Fail(failure.ExitCode, failure.Code, failure.Message);
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (output.Json)
                {
                    await output.Out.WriteLineAsync(body).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                using var document = JsonDocument.Parse(body);
                var award = document.RootElement.GetProperty("award");
                await output.Out.WriteLineAsync($"Issued award {award.GetProperty("id").GetString()}").ConfigureAwait(false);
                await output.Out.WriteLineAsync($"Credential: {award.GetProperty("credentialId").GetString()}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
