using Queue.Contracts.Security;
using Queue.Engine.Grains;

namespace Queue.Engine.Security;

[GenerateSerializer]
public sealed class HallDevicesState : EventSourcedState
{
    [Id(0)] public Dictionary<string, DeviceCredential> Devices { get; set; } = new(StringComparer.Ordinal);
}
