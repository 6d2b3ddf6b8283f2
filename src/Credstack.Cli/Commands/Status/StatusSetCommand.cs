// W3C Bitstring Status List v1.0 §2.1 statusPurpose: "revocation ... This status is not reversible";
// suspension is. Changing an entry re-signs the list credential (§2.2) when the list has a key.
using System.CommandLine;
using Credstack.Credentials.Status;

namespace Credstack.Cli.Commands.Status;

/// <summary>
/// <c>credstack status set INDEX --state FILE [--value N]</c> (revoke, suspend, set a message value) and
/// <c>credstack status clear INDEX --state FILE</c> (lift a suspension): changes one entry and re-signs the list.
/// </summary>
internal static class StatusSetCommand
{
    public static Command Create(Option<bool> json, bool clear)
    {
        var name = clear ? "clear" : "set";
        var index = new Argument<long>("INDEX") { Description = "The entry's statusListIndex (as allocated)." };
        var stateFile = StatusCommand.StateOption();
        var value = new Option<int>("--value") { Description = "The value to store (default 1: revoked/suspended); message lists take any value their statusMessage describes.", DefaultValueFactory = _ => 1 };
        var command = clear
            ? new Command("clear", "Set an entry back to 0 (lift a suspension) and re-sign the list credential. Revocation cannot be undone.") { index, stateFile }
            : new Command("set", "Set an entry (revoke, suspend, or store a message value) and re-sign the list credential.") { index, stateFile, value };
        command.SetAction(parseResult =>
        {
            var cli = new CliOutput(parseResult, "status " + name, json);
            var path = parseResult.GetValue(stateFile)!.FullName;
            var (state, error) = StatusListState.Read(path);
            if (state is null)
            {
                return cli.Fail(ExitCodes.InvalidInput, "state", error!);
            }

            var position = parseResult.GetValue(index);
            var newValue = clear ? 0 : parseResult.GetValue(value);
            if (position < 0 || position >= state.List.Length)
            {
                return cli.Fail(ExitCodes.InvalidInput, "index-out-of-range", $"index {position} is outside the list (0 to {state.List.Length - 1:N0}).");
            }

            var at = (int)position;
            if (!state.Allocator.IsAllocated(at))
            {
                return cli.Fail(ExitCodes.InvalidInput, "index-not-allocated",
                    $"index {at} was never allocated from {state.Url}; only indexes handed out by 'credstack status allocate' belong to credentials.");
            }

            if (newValue < 0 || newValue > state.List.MaximumValue)
            {
                return cli.Fail(ExitCodes.InvalidInput, "value-out-of-range", $"--value must be between 0 and {state.List.MaximumValue} for a {state.List.StatusSize}-bit list, not {newValue}.");
            }

            if (state.Purpose == StatusPurpose.Message && state.Messages.Count > 0 && state.Messages.All(m => m.Status != newValue))
            {
                return cli.Fail(ExitCodes.InvalidInput, "value-undescribed", $"no statusMessage describes value 0x{newValue:x}; verifiers would report the status as unknown.");
            }

            var oldValue = state.List.Get(at);
            if (state.Purpose == StatusPurpose.Revocation && oldValue != 0 && newValue != oldValue)
            {
                return cli.Fail(ExitCodes.ProcessingFailed, "revocation-permanent",
                    $"index {at} is revoked, and revocation is not reversible (Bitstring Status List §2.1); use a suspension list for a status that can be lifted.");
            }

            state.List.Set(at, newValue);
            if (StatusCommand.Save(state, path, TimeProvider.System) is { } failure)
            {
                return cli.Fail(failure.ExitCode, failure.Code, failure.Message);
            }

            var signed = state.Signing is null ? "the list is unsigned (no key)" : "re-signed " + state.Signing.CredentialPath;
            var text = $"index {at} of {state.Url}: {oldValue} -> {newValue} ({Describe(state, newValue)}); {signed}.";
            if (cli.Json)
            {
                cli.Error.WriteLine(text);
                cli.WriteJsonLine(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("url", state.Url);
                    writer.WriteNumber("index", at);
                    writer.WriteNumber("previous", oldValue);
                    writer.WriteNumber("value", newValue);
                    writer.WriteString("credential", state.Signing?.CredentialPath);
                    writer.WriteEndObject();
                });
            }
            else
            {
                cli.Out.WriteLine(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(StatusListState state, int value)
    {
        if (state.Messages.FirstOrDefault(m => m.Status == value) is { } message)
        {
            return message.Message;
        }

        return (state.Purpose, value) switch
        {
            (_, 0) => "ok",
            (StatusPurpose.Revocation, _) => "revoked",
            (StatusPurpose.Suspension, _) => "suspended",
            (StatusPurpose.Refresh, _) => "refresh requested",
            _ => "message 0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
