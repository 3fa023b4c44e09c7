namespace Queue.Engine.Persistence;

/// <summary>The stored version was not the one the writer expected: another activation wrote first.</summary>
public sealed class StoreConflictException(string message) : Exception(message)
{
    public StoreConflictException()
        : this("version conflict")
    {
    }

    public StoreConflictException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
