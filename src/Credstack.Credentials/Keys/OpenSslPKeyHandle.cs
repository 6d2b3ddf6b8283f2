using System.Runtime.InteropServices;

namespace Credstack.Credentials.Keys;

/// <summary>An owned OpenSSL <c>EVP_PKEY*</c>, freed with EVP_PKEY_free (which also cleanses Ed25519 private keys).</summary>
internal sealed class OpenSslPKeyHandle : SafeHandle
{
    public OpenSslPKeyHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        OpenSslInterop.EVP_PKEY_free(handle);
        return true;
    }
}
