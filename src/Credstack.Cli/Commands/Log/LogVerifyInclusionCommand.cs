using System.CommandLine;
using Credstack.Ledger.Notes;
using Credstack.Ledger.Proofs;

namespace Credstack.Cli.Commands.Log;

/// <summary><c>credstack log verify-inclusion --bundle FILE [--vkey KEY] [--credential FILE]</c>: checks a proof bundle offline.</summary>
internal static class LogVerifyInclusionCommand
{
    public static Command Create(LogOptions options)
    {
        var bundleFile = new Option<FileInfo>("--bundle") { Description = "The proof bundle (JSON) from 'prove'.", Required = true };
        var vkey = new Option<string?>("--vkey") { Description = "The log's verifier key (default: DIR/log.vkey)." };
        var credential = new Option<FileInfo?>("--credential") { Description = "Also check that the bundle logs the issuance of exactly these credential bytes." };
        var witness = new Option<string[]>("--witness") { Description = "A witness's verifier key (C2SP tlog-cosignature, type 0x04); repeat for each configured witness.", AllowMultipleArgumentsPerToken = false };
        var quorum = new Option<int>("--quorum") { Description = "How many configured witnesses must have cosigned the checkpoint (default 0)." };
        var command = new Command("verify-inclusion", "Check a proof bundle offline: the checkpoint's signature, witness cosignatures and the entry's inclusion.") { bundleFile, vkey, credential, witness, quorum };
        command.SetAction(parseResult =>
        {
            var output = new CommandOutput(parseResult, options);
            var path = parseResult.GetValue(bundleFile)!;
            if (!path.Exists)
            {
                return output.Fail(ExitCodes.InvalidInput, $"{path.FullName} does not exist");
            }

            var dir = parseResult.GetValue(options.Dir);
            var verifier = parseResult.GetValue(vkey) is { } key
                ? LogDirectory.LoadVerifier(key)
                : dir is not null ? new LogDirectory(dir.FullName).LoadVerifier() : LogDirectory.LoadVerifier(null);
            if (!verifier.Succeeded)
            {
                return output.Fail(ExitCodes.InvalidInput, verifier.Problem!);
            }

            var bundle = ProofBundle.Parse(File.ReadAllText(path.FullName));
            if (!bundle.Succeeded)
            {
                return output.Fail(ExitCodes.InvalidInput, $"{path.Name}: {bundle.Problem}");
            }

            var credentialFile = parseResult.GetValue(credential);
            if (credentialFile is not null && !credentialFile.Exists)
            {
                return output.Fail(ExitCodes.InvalidInput, $"{credentialFile.FullName} does not exist");
            }

            var witnesses = new List<NoteVerifier>();
            foreach (var witnessKey in parseResult.GetValue(witness) ?? [])
            {
                var parsed = NoteKey.ParseVerifierKey(witnessKey);
                if (!parsed.Succeeded || parsed.Value!.SignatureType != NoteKey.Cosignature)
                {
                    return output.Fail(ExitCodes.InvalidInput, $"--witness {witnessKey}: {parsed.Problem ?? "not a cosignature (type 0x04) key"}");
                }

                witnesses.Add(parsed.Value.CreateVerifier(CredentialsEd25519.Instance));
            }

            var required = parseResult.GetValue(quorum);
            var result = credentialFile is null
                ? bundle.Value!.Verify(verifier.Value!, witnesses, required)
                : bundle.Value!.VerifyForCredential(File.ReadAllBytes(credentialFile.FullName), verifier.Value!, witnesses, required);
            var verdict = result.Verdict;
            output.Result(
                verdict.Verifies ? $"verified: entry {bundle.Value.LeafIndex} is in the log at size {result.Checkpoint!.Size}" : $"not verified: {verdict.Reason}",
                ("verifies", verdict.Verifies), ("reason", verdict.Reason), ("leafIndex", bundle.Value.LeafIndex), ("treeSize", result.Checkpoint?.Size));
            return verdict.Verifies ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
