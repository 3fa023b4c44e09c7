namespace Queue.Domain;

/// <summary>One row of a state stored apart from its payload (a ticket of a line): its key and encoded value; a null payload deletes the row.</summary>
public sealed record StoredRow(string Key, byte[]? Payload);

/// <summary>What a write does to a state's rows: the changed ones, or (<see cref="ReplaceAll"/>) every row, the others deleted.</summary>
public sealed record RowChanges(bool ReplaceAll, IReadOnlyList<StoredRow> Rows)
{
    public static readonly RowChanges None = new(false, []);

    public bool IsEmpty => !ReplaceAll && Rows.Count == 0;
}

/// <summary>Encodes a row's value; the storage's binary serializer (version tolerant through [Id]s).</summary>
public interface IRowCodec
{
    byte[] Encode<T>(T value);

    T Decode<T>(byte[] payload);
}

/// <summary>
/// A state whose growing parts are stored a row per item, so that a write costs what changed, not the whole line. The
/// state's payload leaves them out; the storage writes the changed rows in the same transaction as the payload and its
/// events, and hands every row back on the next activation.
/// </summary>
public interface IRowedState
{
    /// <summary>Takes the changes since the last call: each changed row as it is now (null: gone), or every row when the whole set was replaced.</summary>
    RowChanges TakeRowChanges(IRowCodec codec);

    /// <summary>Puts the stored rows back after the payload was read; an older payload that still carried them in itself is moved into rows.</summary>
    void LoadRows(IReadOnlyList<StoredRow> rows, IRowCodec codec);

    /// <summary>Every row as it is now (the storage's self-check in tests compares it with what the changes wrote).</summary>
    IReadOnlyList<StoredRow> AllRows(IRowCodec codec);
}
