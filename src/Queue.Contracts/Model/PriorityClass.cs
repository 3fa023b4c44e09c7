namespace Queue.Contracts.Model;

/// <summary>How a ticket is ranked before urgency: 绿色通道 and appointments are served first, within the hall's bound.</summary>
[GenerateSerializer]
public enum PriorityClass
{
    Normal = 0,
    Appointment = 1,
    GreenChannel = 2,
}
