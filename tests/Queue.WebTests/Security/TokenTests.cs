using Microsoft.Extensions.DependencyInjection;
using Queue.WebTests.Http;
using CitizenData = Queue.Dashboard.Security.CitizenData;
using DeviceToken = Queue.Dashboard.Security.DeviceToken;
using Passwords = Queue.Dashboard.Security.Passwords;
using QueueKeys = Queue.Dashboard.Security.QueueKeys;
using SessionToken = Queue.Dashboard.Security.SessionToken;

namespace Queue.WebTests.Security;

/// <summary>The pieces credentials are made of, with the installation's real keys.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class TokenTests(QueueWebFactory factory)
{
    private QueueKeys Keys => factory.Services.GetRequiredService<QueueKeys>();

    [Fact]
    public async Task ASessionTokenReadsBackAndAnyChangeToItIsRejected()
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);
        var token = await new SessionToken("li.si", 3, expires).SignAsync(Keys);

        Assert.Equal(new SessionToken("li.si", 3, expires), await SessionToken.ReadAsync(token, Keys));
        var parts = token.Split('.');
        var forged = await new SessionToken("admin", 3, expires).SignAsync(Keys);
        Assert.Null(await SessionToken.ReadAsync($"{parts[0]}.{forged.Split('.')[1]}.{parts[2]}", Keys));
        Assert.Null(await SessionToken.ReadAsync(token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], Keys));
        Assert.Null(await SessionToken.ReadAsync(token + ".x", Keys));
        Assert.Null(await SessionToken.ReadAsync("qs1..", Keys));
        Assert.Null(await SessionToken.ReadAsync("qs1.not base64!.#$%", Keys));
    }

    [Fact]
    public async Task ATicketKeyFitsOnlyItsOwnTicket()
    {
        var key = await Keys.TicketKeyAsync("binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(22, key.Length);
        Assert.True(await Keys.IsTicketKeyAsync("binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAA", key));
        Assert.False(await Keys.IsTicketKeyAsync("binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAB", key));
        Assert.False(await Keys.IsTicketKeyAsync("binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAA", key.ToUpperInvariant() == key ? key.ToLowerInvariant() : key.ToUpperInvariant()));
        Assert.False(await Keys.IsTicketKeyAsync("binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAA", null));
    }

    [Fact]
    public void ADeviceTokenNamesItsHallAndDeviceAndIsCheckedAgainstTheStoredHashOnly()
    {
        var secret = DeviceToken.NewSecret();
        var token = new DeviceToken("binjiang", "k0123456789", secret).ToString();

        var read = DeviceToken.Read(token)!;
        Assert.Equal(("binjiang", "k0123456789"), (read.HallId, read.DeviceId));
        Assert.True(read.Matches(DeviceToken.HashOf(secret)));
        Assert.False(read.Matches(DeviceToken.HashOf(DeviceToken.NewSecret())));
        Assert.Null(DeviceToken.Read("qd1.Bin_Jiang.k0123456789." + secret));
        Assert.Null(DeviceToken.Read("qd1.binjiang.x0123456789." + secret));
        Assert.Null(DeviceToken.Read("qd1.binjiang.k0123456789.short"));
    }

    [Fact]
    public void APasswordHashVerifiesOnlyItsPasswordAndGeneratedPasswordsDiffer()
    {
        var hash = Passwords.Hash("correct horse battery");

        Assert.True(Passwords.Verify("correct horse battery", hash));
        Assert.False(Passwords.Verify("correct horse batterY", hash));
        Assert.NotEqual(hash.Salt, Passwords.Hash("correct horse battery").Salt);
        Assert.Equal(100, Enumerable.Range(0, 100).Select(_ => Passwords.Generate()).Distinct().Count());
        Assert.All(Enumerable.Range(0, 20).Select(_ => Passwords.Generate()), p => Assert.DoesNotMatch("[0O1lI]", p));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("𠮷野家", "𠮷**")]
    [InlineData("  李四  ", "李*")]
    [InlineData("", null)]
    public void ANameIsMaskedAfterItsFirstCharacter(string name, string? masked) => Assert.Equal(masked, CitizenData.MaskedName(name));

    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")]
    [InlineData(" 11010519491231002x ", "11010519491231002X")]
    [InlineData("440524188001010014", "440524188001010014")]
    public void AValidIdNumberIsNormalized(string input, string normalized) => Assert.Equal(normalized, CitizenData.IdNumber(input));

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("199-1234-5678", "19912345678")]
    public void AValidPhoneIsNormalized(string input, string normalized) => Assert.Equal(normalized, CitizenData.Phone(input));

    [Fact]
    public async Task TheSamePersonGetsTheSameKeyWhicheverWayTheNumberIsWritten()
    {
        var a = await CitizenData.KeyAsync(null, "+86 138-1234-5678", Keys);
        var b = await CitizenData.KeyAsync(null, "13812345678", Keys);
        var id = await CitizenData.KeyAsync("11010519491231002x", "13812345678", Keys);

        Assert.Equal(a, b);
        Assert.StartsWith("c1:", a, StringComparison.Ordinal);
        Assert.Equal(67, a!.Length);
        Assert.NotEqual(a, id);
        Assert.Equal(await CitizenData.KeyAsync("11010519491231002X", null, Keys), id);
    }
}
