using Queue.Contracts.Security;
using Queue.Silo.Grains;

namespace Queue.Silo.Security;

[GenerateSerializer]
public sealed class AccountsState : EventSourcedState
{
    [Id(0)] public Dictionary<string, AccountCredential> Accounts { get; set; } = new(StringComparer.Ordinal);
}
