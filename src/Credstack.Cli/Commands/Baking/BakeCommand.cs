using System.CommandLine;
using System.Text;
using Credstack.Cli.Commands.Canonicalization;

namespace Credstack.Cli.Commands.Baking;

/// <summary>
/// <c>credstack bake --image badge.png|badge.svg --credential FILE [--out FILE] [--force] [--json]</c>: writes a copy of the
/// image with the signed credential (JSON with an embedded proof, or a compact JWS) baked in, per Open Badges 3.0 §5.3.
/// </summary>
internal static class BakeCommand
{
    public static Command Create()
    {
        var image = new Option<FileInfo>("--image") { Description = "The badge image (PNG or SVG).", Required = true };
        var credential = new Option<FileInfo>("--credential") { Description = "The signed credential: JSON with a proof, or a compact JWS ('-' for standard input).", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "The baked image to write (default: the image's name with '-baked' before the extension)." };
        var force = new Option<bool>("--force") { Description = "Overwrite the --out file if it exists." };
        var json = new Option<bool>("--json") { Description = "Print a JSON report on stdout (errors too); human text goes to stderr." };

        var command = new Command("bake", "Bake a signed credential into a PNG or SVG badge image (Open Badges 3.0 §5.3).")
        {
            image, credential, output, force, json,
        };
        command.SetAction(parseResult =>
        {
            var cli = new CliOutput(parseResult, "bake", json);
            var imageFile = parseResult.GetValue(image)!;
            var (bytes, kind, imageError) = BadgeImage.Read(imageFile);
            if (bytes is null)
            {
                return cli.Fail(ExitCodes.InvalidInput, "image", imageError!);
            }

            var (credentialBytes, credentialError) = InputReader.ReadAll(parseResult.GetValue(credential), InputReader.DefaultMaxBytes);
            if (credentialBytes is null)
            {
                return cli.Fail(ExitCodes.InvalidInput, "credential", credentialError!);
            }

            // A file's trailing newline is not part of the credential; a JWS with one would not be a compact JWS.
            var text = Encoding.UTF8.GetString(credentialBytes).TrimEnd('\r', '\n', ' ', '\t');
            var baked = BadgeImage.Bake(kind!, bytes, text);
            if (!baked.Succeeded)
            {
                return cli.Fail(ExitCodes.InvalidInput, "bake", baked.Reason ?? "the credential could not be baked into the image");
            }

            var path = parseResult.GetValue(output)?.FullName ?? DefaultOutput(imageFile);
            try
            {
                using var stream = new FileStream(path, parseResult.GetValue(force) ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
                stream.Write(baked.Image);
            }
            catch (IOException) when (File.Exists(path) && !parseResult.GetValue(force))
            {
                return cli.Fail(ExitCodes.InvalidInput, "output", $"{path} already exists (use --force to overwrite)");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return cli.Fail(ExitCodes.InvalidInput, "output", $"cannot write {path}: {e.Message}");
            }

            if (cli.Json)
            {
                cli.WriteJsonLine(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", path);
                    writer.WriteString("image", kind);
                    writer.WriteNumber("bytes", baked.Image!.Length);
                    writer.WriteEndObject();
                });
            }
            else
            {
                cli.Out.WriteLine(path);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string DefaultOutput(FileInfo image) =>
        Path.Combine(image.DirectoryName ?? ".", Path.GetFileNameWithoutExtension(image.Name) + "-baked" + image.Extension);
}
