using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Hosting;

/// <summary>
/// The committed OpenAPI document (docs/openapi/credstack-v1.json) is the generated one, so API
/// changes show in review. To refresh it after changing endpoints:
/// <c>CREDSTACK_UPDATE_OPENAPI=1 dotnet test tests/Credstack.Server.Tests --filter OpenApiDocumentTests</c>.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_committed_OpenAPI_document_matches_the_generated_one()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.Client.GetAsync("/openapi/v1.json");
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var generated = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString(Indented) + "\n";

        var path = Path.Combine(RepositoryRoot(), "docs", "openapi", "credstack-v1.json");
        if (string.Equals(Environment.GetEnvironmentVariable("CREDSTACK_UPDATE_OPENAPI"), "1", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing; generate it with CREDSTACK_UPDATE_OPENAPI=1 dotnet test tests/Credstack.Server.Tests --filter OpenApiDocumentTests");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(string.Equals(committed, generated, StringComparison.Ordinal),
            "docs/openapi/credstack-v1.json differs from the API the server serves. If the change is intended, refresh it with "
            + "CREDSTACK_UPDATE_OPENAPI=1 dotnet test tests/Credstack.Server.Tests --filter OpenApiDocumentTests and commit the result.");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_API_endpoint_and_no_server_address()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var document = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!;
        Assert.Equal("Credstack API", document["info"]!["title"]!.GetValue<string>());
        Assert.Null(document["servers"]);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, pattern, _) in Access.EndpointCatalogue.Read(app.App.Services).Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal)))
        {
            Assert.Contains(pattern, paths);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Credstack.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Credstack.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
