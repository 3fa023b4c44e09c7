namespace Queue.Simulation;

/// <summary>
/// How citizens behave: the share who are not there when called (过号 after the hall's recalls), how long one waits before
/// giving up (exponential patience with this mean; null: nobody leaves), the shares with 绿色通道 and with an appointment
/// (预约, served as a priority), and the minutes between two calls of one ticket (叫号 → 重呼).
/// </summary>
public sealed record CitizenBehaviour(
    double NoShowShare = 0,
    double? MeanPatienceMinutes = null,
    double GreenChannelShare = 0,
    double AppointmentShare = 0,
    double RecallEveryMinutes = 1)
{
    public static CitizenBehaviour None { get; } = new();
}
