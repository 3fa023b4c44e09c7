using Queue.Contracts.Security;
using Queue.Engine.Grains;

namespace Queue.Engine.Security;

[GenerateSerializer]
public sealed class AccountsState : EventSourcedState
{
    [Id(0)] public Dictionary<string, AccountCredential> Accounts { get; set; } = new(StringComparer.Ordinal);
}
