using System.Security.Cryptography;
using System.Text;
using Queue.Contracts.Model;
using Queue.Contracts.Security;

namespace Queue.Dashboard.Security;

/// <summary>PBKDF2-SHA256 password hashes, and generated passwords that are easy to read out and type.</summary>
public static class Passwords
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>No 0/O, 1/l/I: a generated password is read off a console or a screen and typed.</summary>
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A hash no password matches, verified against when the user does not exist.</summary>
    public static readonly PasswordHash Decoy = Hash(Generate());

    public static PasswordHash Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return new PasswordHash(Iterations, Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, PasswordHash stored)
    {
        var expected = Convert.FromBase64String(stored.Hash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(password), Convert.FromBase64String(stored.Salt), stored.Iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>16 characters from a 55-letter alphabet: about 92 bits.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 16);

    /// <summary>A new password chosen by a person: 12–128 characters, no control characters.</summary>
    public static string Checked(string? password) =>
        password is { Length: >= MinLength and <= MaxLength } && !password.Any(char.IsControl)
            ? password
            : throw Refusals.WeakPassword(MinLength, MaxLength);
}
