using Credstack.Ledger.Notes;

namespace Credstack.Ledger.Tests.Notes;

/// <summary>
/// Published vectors: the example of the C2SP signed-note specification, and the PeterNeumann /
/// EnochRoot keys and notes of golang.org/x/mod/sumdb/note's tests (an independent implementation).
/// </summary>
public sealed class SignedNoteVectorTests
{
    private const string SpecVerifierKey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private const string SpecNote = "This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    private const string PeterPrivateKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string PeterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string EnochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterLine = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string EnochLine = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private static NoteVerifier Verifier(string vkey)
    {
        var key = NoteKey.ParseVerifierKey(vkey);
        Assert.True(key.Succeeded, key.Problem);
        return key.Value!.CreateVerifier(BouncyCastleEd25519.Instance);
    }

    [Fact]
    public void The_signed_note_specification_example_verifies_with_its_verifier_key()
    {
        var note = SignedNote.Parse(SpecNote);
        Assert.True(note.Succeeded, note.Problem);
        Assert.Equal("This is an example message.\n", note.Value!.Text);
        var result = note.Value.Verify(Verifier(SpecVerifierKey));
        Assert.True(result.Verdict.Verifies, result.Verdict.Reason);
        Assert.Equal(SpecNote, note.Value.ToString());
    }

    [Fact]
    public void Signing_with_the_go_sumdb_private_key_reproduces_the_published_note_byte_for_byte()
    {
        var signer = Ed25519NoteSigner.FromPrivateKey(PeterPrivateKey, BouncyCastleEd25519.Instance);
        Assert.True(signer.Succeeded, signer.Problem);
        Assert.Equal(PeterVerifierKey, signer.Value!.Key.ToVerifierKey());
        Assert.Equal(0xc74f20a3u, signer.Value.Key.KeyId);
        Assert.Equal(PeterPrivateKey, signer.Value.ToPrivateKey());
        Assert.Equal(GoText + "\n" + PeterLine, SignedNote.Sign(GoText, signer.Value).ToString());
    }

    [Fact]
    public void A_note_with_two_signatures_verifies_with_either_known_key_and_ignores_unknown_ones()
    {
        var note = SignedNote.Parse(GoText + "\n" + PeterLine + EnochLine).Value!;
        var peterOnly = note.Verify(Verifier(PeterVerifierKey));
        Assert.True(peterOnly.Verdict.Verifies);
        Assert.Equal(["PeterNeumann"], peterOnly.VerifiedBy.Select(k => k.Name));
        var both = note.Verify(Verifier(PeterVerifierKey), Verifier(EnochVerifierKey));
        Assert.Equal(["PeterNeumann", "EnochRoot"], both.VerifiedBy.Select(k => k.Name));
        var none = note.Verify([]);
        Assert.False(none.Verdict.Verifies);
        Assert.Contains("no signature by a known key", none.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_key_whose_signature_fails_rejects_the_note()
    {
        var tampered = SignedNote.Parse(GoText.Replace("problem,", "problem;", StringComparison.Ordinal) + "\n" + PeterLine).Value!;
        var result = tampered.Verify(Verifier(PeterVerifierKey));
        Assert.False(result.Verdict.Verifies);
        Assert.Contains("signature by PeterNeumann is invalid", result.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_or_one_character_change_of_a_verifier_key_is_refused()
    {
        for (var i = 0; i < PeterVerifierKey.Length; i++)
        {
            Assert.False(NoteKey.ParseVerifierKey(PeterVerifierKey[..i]).Succeeded, PeterVerifierKey[..i]);
            var changed = PeterVerifierKey.ToCharArray();
            changed[i] = changed[i] == 'A' ? 'B' : 'A';
            Assert.False(NoteKey.ParseVerifierKey(new string(changed)).Succeeded, new string(changed));
        }
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("text\n", "no blank line")]
    [InlineData("text\n\n", "no signature lines")]
    [InlineData("text\n\n- name AAAAAAAA\n", "em dash")]
    [InlineData("text\n\n\u2014 name !!!\n", "not '\u2014 name base64")]
    [InlineData("text\n\n\u2014 na+me AAAAAAAA\n", "not '\u2014 name base64")]
    [InlineData("te\u0001xt\n\n\u2014 name AAAAAAAA\n", "control characters")]
    [InlineData("text\n\n\u2014 name AAAAAAAA", "does not end in a newline")]
    public void Malformed_notes_are_refused_with_a_reason(string note, string expected)
    {
        var parsed = SignedNote.Parse(note);
        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Problem, StringComparison.Ordinal);
    }
}
