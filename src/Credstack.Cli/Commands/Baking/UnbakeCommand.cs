using System.CommandLine;
using Credstack.Credentials.Baking;

namespace Credstack.Cli.Commands.Baking;

/// <summary>
/// <c>credstack unbake IMAGE [--json]</c>: prints the credential baked into a PNG or SVG badge (the JSON credential or the
/// compact JWS, exactly as baked). An image with no baked credential, or a malformed one, is invalid input (exit 3).
/// </summary>
internal static class UnbakeCommand
{
    public static Command Create()
    {
        var image = new Argument<FileInfo>("IMAGE") { Description = "The baked badge image (PNG or SVG)." };
        var json = new Option<bool>("--json") { Description = "Print a JSON report (format, payload kind, credential) on stdout; errors too." };

        var command = new Command("unbake", "Print the credential baked into a PNG or SVG badge image (Open Badges 3.0 §5.3).")
        {
            image, json,
        };
        command.SetAction(parseResult =>
        {
            var cli = new CliOutput(parseResult, "unbake", json);
            var (bytes, kind, error) = BadgeImage.Read(parseResult.GetValue(image)!);
            if (bytes is null)
            {
                return cli.Fail(ExitCodes.InvalidInput, "image", error!);
            }

            var result = BadgeImage.Unbake(kind!, bytes);
            switch (result.Status)
            {
                case UnbakeStatus.NotBaked:
                    return cli.Fail(ExitCodes.InvalidInput, "not-baked", $"the {kind} image holds no baked credential");
                case UnbakeStatus.Malformed:
                    return cli.Fail(ExitCodes.InvalidInput, "malformed", result.Reason ?? $"the {kind} image is malformed");
            }

            if (cli.Json)
            {
                cli.WriteJsonLine(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("image", kind);
                    writer.WriteString("format", FormatName(result.Format));
                    writer.WriteString("payloadKind", PayloadKindName(result.PayloadKind));
                    writer.WriteString("credential", result.Payload);
                    writer.WriteEndObject();
                });
            }
            else
            {
                cli.Out.Write(result.Payload);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string? FormatName(BakedCredentialFormat? format) => format switch
    {
        BakedCredentialFormat.OpenBadge3 => "ob3",
        BakedCredentialFormat.Clr2 => "clr2",
        BakedCredentialFormat.OpenBadge2 => "ob2",
        _ => null,
    };

    private static string? PayloadKindName(BakedPayloadKind? kind) => kind switch
    {
        BakedPayloadKind.Json => "json",
        BakedPayloadKind.CompactJws => "jws",
        BakedPayloadKind.Url => "url",
        _ => null,
    };
}
