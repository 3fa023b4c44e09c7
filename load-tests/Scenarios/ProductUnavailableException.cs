namespace Queue.LoadTests.Scenarios;

/// <summary>The product did not answer at the given URL, or does not know a requested hall.</summary>
public sealed class ProductUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
