namespace Queue.Contracts.Security;

/// <summary>A hall device that holds a token instead of a person's sign-in.</summary>
[GenerateSerializer]
public enum DeviceKind
{
    /// <summary>A ticket machine (取号机): issues ordinary tickets and shows the lines.</summary>
    Kiosk = 0,

    /// <summary>A display (叫号屏, window LED, big screen): reads the hall, changes nothing.</summary>
    Board = 1,
}
