namespace Queue.WebTests.Security;

/// <summary>The callers of the access matrix: nobody, hall A's kiosk and board, staff and manager, another hall's manager, an administrator.</summary>
public enum Callers
{
    Anonymous,
    Kiosk,
    Board,
    Staff,
    Manager,
    OtherManager,
    Administrator,
}
