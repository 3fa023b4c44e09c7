using System.Globalization;
using System.Text;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Security;

/// <summary>
/// What a citizen may give with a ticket (an appointment, one-trip tracking): an ID-card number, a phone number and a
/// name. Numbers are checked, normalized and kept only as a keyed hash (HMAC-SHA256 under the installation's citizen
/// key), so the same person is recognized again without the number ever being stored; the name is kept only masked.
/// </summary>
public static class CitizenData
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckCharacters = "10X98765432";

    /// <summary>The keyed hash of the ID-card number if given, else of the phone number, else null.</summary>
    public static async Task<string?> KeyAsync(string? idNumber, string? phone, QueueKeys keys)
    {
        var id = IdNumber(idNumber);
        var mobile = Phone(phone);
        return id is not null ? await keys.CitizenHashAsync("id:" + id)
            : mobile is not null ? await keys.CitizenHashAsync("phone:" + mobile)
            : null;
    }

    /// <summary>A resident ID-card number (GB 11643): 17 digits and a check character (digit or X) that must match.</summary>
    public static string? IdNumber(string? value)
    {
        var text = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length != 18 || !text[..17].All(char.IsAsciiDigit))
        {
            throw Refusals.IdNumberLength();
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (text[i] - '0') * IdWeights[i];
        }

        return text[17] == IdCheckCharacters[sum % 11]
            ? text
            : throw Refusals.IdNumberCheck();
    }

    /// <summary>A mainland mobile number: 11 digits starting with 1, spaces, hyphens and a +86 prefix allowed.</summary>
    public static string? Phone(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var digits = new StringBuilder();
        foreach (var c in text.StartsWith("+86", StringComparison.Ordinal) ? text[3..] : text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-'))
            {
                throw Refusals.Phone();
            }
        }

        return digits is { Length: 11 } && digits[0] == '1' && digits[1] is >= '3' and <= '9' ? digits.ToString() : throw Refusals.Phone();
    }

    /// <summary>The name masked for display: its first character and one * for each other (张三 → 张*, 欧阳娜娜 → 欧***).</summary>
    public static string? MaskedName(string? value)
    {
        var name = RequestRules.OptionalText(value, "name", 32);
        if (name is null)
        {
            return null;
        }

        var characters = new StringInfo(name);
        return characters.SubstringByTextElements(0, 1) + new string('*', Math.Max(1, characters.LengthInTextElements - 1));
    }
}
