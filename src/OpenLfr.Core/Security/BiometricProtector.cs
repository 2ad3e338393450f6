using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OpenLfr.Core.Security;

/// <summary>
/// AES-256-GCM encryption of biometric data at rest. Each blob is bound to its purpose and row
/// (associated data such as <c>subject-image:{id}</c>), so a blob copied onto another row fails to decrypt.
/// Layout: version (1 byte) | nonce (12) | tag (16) | ciphertext. Thread-safe.
/// </summary>
public sealed class BiometricProtector
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] _key;

    public BiometricProtector(IOptions<DataKeyOptions> options)
        : this(DataKeyLoader.Load(options.Value))
    {
    }

    public BiometricProtector(byte[] key)
    {
        if (key.Length != DataKeyLoader.KeyBytes) throw new ArgumentException("The data key must be 32 bytes.", nameof(key));
        _key = key.ToArray();
    }

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string associatedData)
    {
        var output = new byte[1 + NonceBytes + TagBytes + plaintext.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceBytes + TagBytes), output.AsSpan(1 + NonceBytes, TagBytes), Encoding.UTF8.GetBytes(associatedData));
        return output;
    }

    /// <exception cref="CryptographicException">The blob was altered, belongs to another row, or the key is wrong.</exception>
    public byte[] Unprotect(ReadOnlySpan<byte> blob, string associatedData)
    {
        if (blob.Length < 1 + NonceBytes + TagBytes || blob[0] != Version)
            throw new CryptographicException("Not an OpenLFR encrypted blob (bad length or version).");
        var plaintext = new byte[blob.Length - 1 - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(blob.Slice(1, NonceBytes), blob[(1 + NonceBytes + TagBytes)..], blob.Slice(1 + NonceBytes, TagBytes), plaintext, Encoding.UTF8.GetBytes(associatedData));
        return plaintext;
    }

    public byte[] ProtectVector(ReadOnlySpan<float> vector, string associatedData)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), vector[i]);
        return Protect(bytes, associatedData);
    }

    public float[] UnprotectVector(ReadOnlySpan<byte> blob, string associatedData)
    {
        var bytes = Unprotect(blob, associatedData);
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return vector;
    }
}
