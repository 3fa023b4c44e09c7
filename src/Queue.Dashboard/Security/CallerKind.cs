namespace Queue.Dashboard.Security;

/// <summary>Who is asking: nobody in particular, a hall device, or a signed-in person by role.</summary>
public enum CallerKind
{
    Anonymous = 0,
    Kiosk = 1,
    Board = 2,
    Staff = 3,
    Manager = 4,
    Administrator = 5,
}
