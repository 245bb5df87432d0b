using System.Security.Cryptography;
using System.Text;

namespace MtaSts.Server.Api;

/// <summary>
/// Hashes and checks the API admin token or password, stored as
/// <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> with the salt and hash in base64.
/// </summary>
public static class AdminToken
{
    private const string Scheme = "pbkdf2-sha256";

    // OWASP's 2023 password storage guidance for PBKDF2-HMAC-SHA256.
    private const int Iterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Returns the stored form of <paramref name="token"/> with a new random salt.</summary>
    public static string Hash(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(token), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Returns whether <paramref name="storedHash"/> has the form that <see cref="Hash"/> writes, so that some token can match it.</summary>
    internal static bool IsWellFormed(string storedHash)
    {
        var parts = storedHash.Split('$');
        return parts.Length == 4
            && parts[0] == Scheme
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations)
            && iterations >= 1
            && IsBase64(parts[2])
            && IsBase64(parts[3], minimumBytes: 1);
    }

    private static bool IsBase64(string value, int minimumBytes = 0)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= minimumBytes;
    }

    /// <summary>Checks <paramref name="token"/> against <paramref name="storedHash"/> in constant time; a malformed hash never matches.</summary>
    public static bool Verify(string token, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(storedHash);
        var parts = storedHash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(token), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
