namespace Queue.Simulation;

/// <summary>
/// How citizens behave: the share who are not there when called (过号 after the hall's recalls), how long one waits before
/// giving up (exponential patience with this mean; null: nobody leaves), the shares with 绿色通道 and with an appointment
/// (预约, served as a priority), and the minutes between two calls of one ticket (叫号 → 重呼).
/// <para>
/// After their service at a first window: the share transferred to another theme (转办; the ticket keeps its number and
/// issue time, as <see cref="Queue.Domain.ThemeLine.TransferOut"/> does, and waits in the new theme's line for a second
/// service drawn from that theme), and the share put on hold (容缺: <see cref="Queue.Domain.ThemeLine.Hold"/>, the citizen
/// fetches what was missing and comes back after an exponential time with mean <see cref="MeanHoldMinutes"/>; the ticket
/// then waits for the window that held it, <see cref="Queue.Domain.ThemeLine.ResumeHold"/>, for a second service of
/// the same theme). A ticket is transferred or held at most once.
/// </para>
/// </summary>
public sealed record CitizenBehaviour(
    double NoShowShare = 0,
    double? MeanPatienceMinutes = null,
    double GreenChannelShare = 0,
    double AppointmentShare = 0,
    double RecallEveryMinutes = 1,
    double TransferShare = 0,
    double HoldShare = 0,
    double MeanHoldMinutes = 30)
{
    public static CitizenBehaviour None { get; } = new();
}
