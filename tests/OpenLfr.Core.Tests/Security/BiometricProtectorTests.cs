using System.Security.Cryptography;
using OpenLfr.Core.Security;

namespace OpenLfr.Core.Tests.Security;

public sealed class BiometricProtectorTests
{
    private static readonly BiometricProtector Protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Round_trips_and_never_stores_plaintext()
    {
        var plain = RandomNumberGenerator.GetBytes(1000);
        var blob = Protector.Protect(plain, "subject-image:1");
        Assert.Equal(plain, Protector.Unprotect(blob, "subject-image:1"));
        Assert.Equal(-1, blob.AsSpan().IndexOf(plain.AsSpan(0, 16)));
        Assert.NotEqual(blob, Protector.Protect(plain, "subject-image:1"));
    }

    [Fact]
    public void Altered_blob_wrong_row_or_wrong_key_fail()
    {
        var blob = Protector.Protect([1, 2, 3, 4], "subject-image:1");
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(blob, "subject-image:2"));
        var altered = blob.ToArray();
        altered[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(altered, "subject-image:1"));
        Assert.ThrowsAny<CryptographicException>(() => new BiometricProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(blob, "subject-image:1"));
    }

    [Fact]
    public void Vectors_round_trip_exactly()
    {
        float[] vector = [0.25f, -1.5f, 3.1415927f, float.Epsilon];
        Assert.Equal(vector, Protector.UnprotectVector(Protector.ProtectVector(vector, "t"), "t"));
    }

    [Fact]
    public void Missing_or_malformed_keys_are_clear_errors()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => DataKeyLoader.Load(new DataKeyOptions()));
        Assert.Contains("OPENLFR_DATA_KEY", missing.Message);
        Assert.Contains("not base64", Assert.Throws<InvalidOperationException>(() => DataKeyLoader.Load(new DataKeyOptions { Key = "%%%" })).Message);
        Assert.Contains("must be 32", Assert.Throws<InvalidOperationException>(() => DataKeyLoader.Load(new DataKeyOptions { Key = Convert.ToBase64String(new byte[16]) })).Message);
        Assert.Contains("does not exist", Assert.Throws<InvalidOperationException>(() => DataKeyLoader.Load(new DataKeyOptions { KeyFile = "/nonexistent/key" })).Message);
    }

    [Fact]
    public void Created_key_files_are_owner_only_and_load()
    {
        var path = Path.Combine(Path.GetTempPath(), "openlfr-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            DataKeyLoader.CreateKeyFile(path);
            Assert.Equal(32, DataKeyLoader.Load(new DataKeyOptions { KeyFile = path }).Length);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
