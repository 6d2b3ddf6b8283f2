using Credstack.Ledger;
using Credstack.Ledger.Notes;
using Credstack.Ledger.Storage;

namespace Credstack.Cli.Commands.Log;

/// <summary>The files of a log directory beside the store's own: the log's private and verifier keys and the latest signed checkpoint.</summary>
internal sealed class LogDirectory(string path)
{
    public string Path { get; } = path;

    public string PrivateKeyPath => System.IO.Path.Combine(Path, "log.key");

    public string VerifierKeyPath => System.IO.Path.Combine(Path, "log.vkey");

    public string CheckpointPath => System.IO.Path.Combine(Path, "checkpoint");

    public bool IsInitialised => File.Exists(PrivateKeyPath) && File.Exists(VerifierKeyPath);

    public Outcome<FileLogStore> OpenStore() =>
        IsInitialised ? FileLogStore.Open(Path) : Outcome<FileLogStore>.Failure($"{Path} is not a log directory (run 'credstack log --dir {Path} init --origin NAME')");

    public Outcome<Ed25519NoteSigner> LoadSigner() =>
        IsInitialised
            ? Ed25519NoteSigner.FromPrivateKey(File.ReadAllText(PrivateKeyPath).Trim(), CredentialsEd25519.Instance)
            : Outcome<Ed25519NoteSigner>.Failure($"{Path} has no log key (run init first)");

    public Outcome<NoteVerifier> LoadVerifier() => LoadVerifier(IsInitialised ? File.ReadAllText(VerifierKeyPath).Trim() : null);

    public static Outcome<NoteVerifier> LoadVerifier(string? verifierKey)
    {
        if (verifierKey is null)
        {
            return Outcome<NoteVerifier>.Failure("no verifier key: give --vkey or a --dir holding log.vkey");
        }

        var key = NoteKey.ParseVerifierKey(verifierKey);
        return key.Succeeded
            ? Outcome<NoteVerifier>.Success(key.Value!.CreateVerifier(CredentialsEd25519.Instance))
            : Outcome<NoteVerifier>.Failure(key.Problem!);
    }
}
