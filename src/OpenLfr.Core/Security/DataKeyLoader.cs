using Microsoft.Extensions.Options;

namespace OpenLfr.Core.Security;

/// <summary>Reads and checks the 256-bit data key; every failure says what to set or fix.</summary>
public static class DataKeyLoader
{
    public const int KeyBytes = 32;

    public static byte[] Load(DataKeyOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
            return Decode(options.Key.Trim(), $"the {DataKeyOptions.EnvironmentVariable} value");
        if (!string.IsNullOrWhiteSpace(options.KeyFile))
        {
            if (!File.Exists(options.KeyFile))
                throw new InvalidOperationException($"The data key file {options.KeyFile} does not exist. Create it with `openssl rand -base64 32 > {options.KeyFile}` (mode 0600) or point --key-file at the right file.");
            var bytes = File.ReadAllBytes(options.KeyFile);
            if (bytes.Length == KeyBytes) return bytes;
            return Decode(System.Text.Encoding.ASCII.GetString(bytes).Trim(), $"the key file {options.KeyFile}");
        }
        throw new InvalidOperationException(
            $"No data key: biometric data (watchlist images, templates, alert images) is encrypted at rest and needs a 256-bit key. " +
            $"Set {DataKeyOptions.EnvironmentVariable} to base64 of 32 random bytes (`openssl rand -base64 32`) or pass --key-file FILE (DataKey:KeyFile).");
    }

    /// <summary>Creates a new random key file readable by its owner only (mode 0600).</summary>
    public static void CreateKeyFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyBytes));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(key);
    }

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException($"The data key in {where} is not base64. Generate one with `openssl rand -base64 32`."); }
        if (key.Length != KeyBytes)
            throw new InvalidOperationException($"The data key in {where} is {key.Length} bytes; it must be {KeyBytes} (base64 of 32 random bytes).");
        return key;
    }
}

/// <summary>Fails start-up when the key is missing or malformed (used with ValidateOnStart).</summary>
public sealed class DataKeyOptionsValidator : IValidateOptions<DataKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, DataKeyOptions options)
    {
        try
        {
            DataKeyLoader.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
