// Ed25519 (RFC 8032 §5.1, PureEdDSA) through the platform OpenSSL 3 EVP interface
// (EVP_PKEY-ED25519(7): one-shot EVP_DigestSign / EVP_DigestVerify with a NULL digest).
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Credstack.Credentials.Keys;

internal static unsafe class OpenSslEd25519
{
    private static readonly Lazy<bool> Availability = new(Probe);

    /// <summary>True when libcrypto.so.3 loads, exports every function used, and passes RFC 8032 TEST 1.</summary>
    public static bool IsAvailable => Availability.Value;

    public static IEd25519Signer CreateSigner(ReadOnlySpan<byte> seed, Span<byte> publicKey)
    {
        OpenSslPKeyHandle key;
        fixed (byte* s = seed)
        {
            key = OpenSslInterop.EVP_PKEY_new_raw_private_key(OpenSslInterop.EvpPKeyEd25519, IntPtr.Zero, s, (nuint)seed.Length);
        }

        if (key.IsInvalid)
        {
            key.Dispose();
            throw Failure("EVP_PKEY_new_raw_private_key");
        }

        nuint length = (nuint)publicKey.Length;
        int ok;
        fixed (byte* p = publicKey)
        {
            ok = OpenSslInterop.EVP_PKEY_get_raw_public_key(key, p, ref length);
        }

        if (ok != 1 || length != Ed25519VerificationKey.PublicKeySize)
        {
            key.Dispose();
            throw Failure("EVP_PKEY_get_raw_public_key");
        }

        return new Signer(key);
    }

    public static IEd25519Verifier CreateVerifier(ReadOnlySpan<byte> publicKey)
    {
        OpenSslPKeyHandle key;
        fixed (byte* p = publicKey)
        {
            key = OpenSslInterop.EVP_PKEY_new_raw_public_key(OpenSslInterop.EvpPKeyEd25519, IntPtr.Zero, p, (nuint)publicKey.Length);
        }

        if (key.IsInvalid)
        {
            key.Dispose();
            throw Failure("EVP_PKEY_new_raw_public_key");
        }

        return new Verifier(key);
    }

    private static CryptographicException Failure(string function)
    {
        OpenSslInterop.ERR_clear_error();
        return new CryptographicException($"OpenSSL {function} failed.");
    }

    private static bool Probe()
    {
        if (!NativeLibrary.TryLoad(OpenSslInterop.Library, typeof(OpenSslEd25519).Assembly, null, out var library))
        {
            return false;
        }

        try
        {
            foreach (var name in OpenSslInterop.RequiredExports)
            {
                if (!NativeLibrary.TryGetExport(library, name, out _))
                {
                    return false;
                }
            }
        }
        finally
        {
            NativeLibrary.Free(library);
        }

        // Known answer, RFC 8032 §7.1 TEST 1 (empty message): refuse a library that loads but computes wrongly.
        ReadOnlySpan<byte> seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        ReadOnlySpan<byte> expected = Convert.FromHexString(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        Span<byte> publicKey = stackalloc byte[Ed25519VerificationKey.PublicKeySize];
        Span<byte> signature = stackalloc byte[Ed25519VerificationKey.SignatureLength];
        using var signer = CreateSigner(seed, publicKey);
        signer.Sign([], signature);
        using var verifier = CreateVerifier(publicKey);
        return signature.SequenceEqual(expected) && verifier.Verify([], signature);
    }

    // Data pointers must not be NULL even for an empty message; this byte stands in for one.
    private static byte* Pointer(byte* p, byte* stand) => p is null ? stand : p;

    private sealed class Signer(OpenSslPKeyHandle key) : IEd25519Signer
    {
        // One initialised EVP_MD_CTX is kept for reuse (as `openssl speed` does); concurrent callers
        // that find the slot empty make their own.
        private OpenSslDigestContextHandle? _cached;

        public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
        {
            var context = Interlocked.Exchange(ref _cached, null);
            var fresh = context is null;
            context ??= NewContext();
            if (!TrySign(context, data, signature))
            {
                context.Dispose();
                if (fresh)
                {
                    throw Failure("EVP_DigestSign");
                }

                // A reused context that an OpenSSL version refuses to sign with twice: start over once.
                context = NewContext();
                if (!TrySign(context, data, signature))
                {
                    context.Dispose();
                    throw Failure("EVP_DigestSign");
                }
            }

            if (Interlocked.CompareExchange(ref _cached, context, null) is not null)
            {
                context.Dispose();
            }
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _cached, null)?.Dispose();
            key.Dispose();
        }

        private static bool TrySign(OpenSslDigestContextHandle context, ReadOnlySpan<byte> data, Span<byte> signature)
        {
            nuint length = Ed25519VerificationKey.SignatureLength;
            byte stand = 0;
            int ok;
            fixed (byte* d = data)
            fixed (byte* s = signature)
            {
                ok = OpenSslInterop.EVP_DigestSign(context, s, ref length, Pointer(d, &stand), (nuint)data.Length);
            }

            if (ok != 1 || length != Ed25519VerificationKey.SignatureLength)
            {
                signature.Clear();
                OpenSslInterop.ERR_clear_error();
                return false;
            }

            return true;
        }

        private OpenSslDigestContextHandle NewContext()
        {
            var context = OpenSslInterop.EVP_MD_CTX_new();
            if (context.IsInvalid || OpenSslInterop.EVP_DigestSignInit(context, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, key) != 1)
            {
                context.Dispose();
                throw Failure("EVP_DigestSignInit");
            }

            return context;
        }
    }

    private sealed class Verifier(OpenSslPKeyHandle key) : IEd25519Verifier
    {
        private OpenSslDigestContextHandle? _cached;

        public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
        {
            if (signature.Length != Ed25519VerificationKey.SignatureLength)
            {
                return false;
            }

            var context = Interlocked.Exchange(ref _cached, null);
            var fresh = context is null;
            context ??= NewContext();
            try
            {
                var valid = TryVerify(context, data, signature);
                if (!valid && !fresh)
                {
                    // A "no" from a reused context is confirmed on a fresh one, so a context that an
                    // OpenSSL version will not reuse can never turn a good signature into a bad one.
                    context.Dispose();
                    context = NewContext();
                    valid = TryVerify(context, data, signature);
                }

                return valid;
            }
            finally
            {
                if (Interlocked.CompareExchange(ref _cached, context, null) is not null)
                {
                    context.Dispose();
                }
            }
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _cached, null)?.Dispose();
            key.Dispose();
        }

        private static bool TryVerify(OpenSslDigestContextHandle context, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
        {
            byte stand = 0;
            int ok;
            fixed (byte* d = data)
            fixed (byte* s = signature)
            {
                ok = OpenSslInterop.EVP_DigestVerify(context, s, (nuint)signature.Length, Pointer(d, &stand), (nuint)data.Length);
            }

            if (ok != 1)
            {
                OpenSslInterop.ERR_clear_error();
            }

            return ok == 1;
        }

        private OpenSslDigestContextHandle NewContext()
        {
            var context = OpenSslInterop.EVP_MD_CTX_new();
            if (context.IsInvalid || OpenSslInterop.EVP_DigestVerifyInit(context, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, key) != 1)
            {
                context.Dispose();
                throw Failure("EVP_DigestVerifyInit");
            }

            return context;
        }
    }
}
