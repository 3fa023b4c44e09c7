using System.Text.RegularExpressions;

namespace Queue.Benchmarks.Profiling;

/// <summary>
/// Reads the text of `perf script` (from `perf record -g` of a process started with DOTNET_PerfMapEnabled=1, so the JIT's
/// code has names): one sample per block, a header line then one frame a line, leaf first. A managed frame
/// (`instance void [Asm] Ns.Type::Method(args)[OptimizedTier1]`) becomes `Ns.Type.Method(args)`; a native one
/// `[module] symbol`.
/// </summary>
internal static partial class PerfScript
{
    public static IEnumerable<List<string>> Samples(string path)
    {
        List<string>? frames = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (frames is not null)
                {
                    yield return frames;
                }

                frames = null;
            }
            else if (char.IsWhiteSpace(line[0]))
            {
                (frames ??= []).Add(Frame(line.Trim()));
            }
            else
            {
                frames = [];
            }
        }

        if (frames is not null)
        {
            yield return frames;
        }
    }

    private static string Frame(string line)
    {
        // "7f3a12345678 symbol+0x1f (/path/module.so)": address, symbol with offset, module.
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var rest = space > 0 ? line[(space + 1)..] : line;
        var open = rest.LastIndexOf(" (", StringComparison.Ordinal);
        var module = open >= 0 ? Path.GetFileName(rest[(open + 2)..].TrimEnd(')')) : "?";
        var symbol = open >= 0 ? rest[..open] : rest;
        var plus = symbol.LastIndexOf("+0x", StringComparison.Ordinal);
        if (plus > 0)
        {
            symbol = symbol[..plus];
        }

        if (symbol == "[unknown]" && module.EndsWith(".dll", StringComparison.Ordinal))
        {
            // Precompiled (ReadyToRun) code the perf map does not name: its assembly, which names its namespace.
            return module + "!?";
        }

        if (module.StartsWith("perf-", StringComparison.Ordinal) || module.EndsWith(".dll", StringComparison.Ordinal)
            || (symbol.Contains("::", StringComparison.Ordinal) && symbol.Contains("] ", StringComparison.Ordinal)))
        {
            return Managed(symbol);
        }

        return $"[{module}] {symbol}";
    }

    private static string Managed(string symbol)
    {
        // "instance uint8[] [Orleans.Serialization] Orleans.Serialization.Serializer::SerializeToArray(!!0)[OptimizedTier1]"
        var assembly = AssemblyName().Match(symbol);
        var name = assembly.Success ? symbol[(assembly.Index + assembly.Length)..] : symbol;
        var tier = name.LastIndexOf(")[", StringComparison.Ordinal);
        if (tier > 0)
        {
            name = name[..(tier + 1)];
        }

        return name.Replace("::", ".", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:^|\s)\[[\w.\-]+\] ")]
    private static partial Regex AssemblyName();
}
