namespace Queue.Contracts.Model;

/// <summary>
/// Where a ticket was taken: the kiosk (取号机), the phone, an appointment check-in, or staff (导办, 零号窗口).
/// <see cref="Remote"/> (线上取号): taken from home by an identified citizen, "not arrived" until checked in at the hall's entrance.
/// </summary>
[GenerateSerializer]
public enum IssueChannel
{
    Kiosk = 0,
    Mobile = 1,
    Appointment = 2,
    Staff = 3,
    Remote = 4,
}
