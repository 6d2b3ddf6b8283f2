using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Credstack.Server.Achievements;

/// <summary>
/// Renders an achievement's criteria narrative (Markdown, OB 3.0 §B.1.4) to HTML for the public credential page and
/// the console's preview: raw HTML is escaped, links keep only http, https, mailto and relative targets, and images
/// become links, so an issuer's text can neither run script nor make every visitor's browser fetch from a third party.
/// </summary>
internal static class CriteriaMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!link.IsEmail && !IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            ? parsed.Scheme is "http" or "https" or "mailto"
            : url is not null && !url.Contains(':', StringComparison.Ordinal);
}
