using Queue.Contracts.Security;
using Queue.Silo.Grains;

namespace Queue.Silo.Security;

[GenerateSerializer]
public sealed class HallDevicesState : EventSourcedState
{
    [Id(0)] public Dictionary<string, DeviceCredential> Devices { get; set; } = new(StringComparer.Ordinal);
}
