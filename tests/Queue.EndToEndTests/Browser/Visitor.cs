namespace Queue.EndToEndTests.Browser;

/// <summary>Who opens a page: nobody (no cookie), the administrator (the session cookie), or the fixture's kiosk or board (its device cookie).</summary>
public enum Visitor
{
    Nobody,
    Administrator,
    Kiosk,
    Board,
}
