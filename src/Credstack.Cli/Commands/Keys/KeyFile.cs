using System.Text;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Cli.Commands.Keys;

/// <summary>A private key kept as a JWK file: written owner-only, read back with clear errors for every bad file.</summary>
internal static class KeyFile
{
    // A private JWK is a few kilobytes at most (RSA 4096); anything much larger is not a key file.
    private const long MaxBytes = 64 * 1024;

    /// <summary>The key's did:key verification method, or null for RSA (which has no did:key).</summary>
    public static string? DefaultVerificationMethod(VerificationKey key) =>
        key.SupportsMultikey ? DidKey.VerificationMethodId(key) : null;

    /// <summary>
    /// Writes <paramref name="jwk"/> to <paramref name="path"/>, readable and writable by the owner only on Unix.
    /// Returns null, or an error sentence when the file exists (and <paramref name="force"/> is off) or cannot be written.
    /// </summary>
    public static string? Write(string path, JsonWebKey jwk, bool force)
    {
        var options = new FileStreamOptions { Mode = force ? FileMode.Create : FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation so the secret is never readable by others, not even between create and chmod.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var bytes = Encoding.UTF8.GetBytes(jwk.ToJson());
        try
        {
            using (var stream = new FileStream(path, options))
            {
                stream.Write(bytes);
            }

            if (!OperatingSystem.IsWindows())
            {
                // UnixCreateMode applies only to new files; an overwritten file keeps its old mode otherwise.
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return null;
        }
        catch (IOException) when (!force && File.Exists(path))
        {
            return $"{path} already exists; refusing to overwrite a key file (use --force)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {path}: {e.Message}";
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>Reads a private JWK file; the key, or a problem code and sentence.</summary>
    public static (SigningKey? Key, string? Code, string? Error) Read(FileInfo file)
    {
        if (!file.Exists)
        {
            return (null, "key", $"key file not found: {file.FullName}");
        }

        if (file.Length > MaxBytes)
        {
            return (null, KeyProblem.InvalidJwk, $"{file.FullName} is {file.Length:N0} bytes, too large to be a JWK");
        }

        var parsed = JsonWebKey.Parse(File.ReadAllText(file.FullName, Encoding.UTF8));
        if (!parsed.Succeeded)
        {
            return (null, parsed.Problem, $"{file.FullName}: {parsed.Detail}");
        }

        if (!parsed.Key!.HasPrivateMembers)
        {
            return (null, KeyProblem.InvalidJwk, $"{file.FullName} holds a public JWK; signing needs the private key");
        }

        var imported = parsed.Key.ToSigningKey();
        return imported.Succeeded
            ? (imported.Key, null, null)
            : (null, imported.Problem, $"{file.FullName}: {imported.Detail}");
    }
}
