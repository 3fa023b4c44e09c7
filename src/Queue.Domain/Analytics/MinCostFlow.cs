namespace Queue.Domain.Analytics;

/// <summary>
/// Min-cost max-flow by successive shortest paths (SPFA on the residual graph). Deterministic: paths are searched in
/// the order edges were added, so equal-cost choices always fall the same way. Small graphs only (a hall's windows
/// and themes).
/// </summary>
internal sealed class MinCostFlow
{
    private readonly List<int>[] _outgoing;
    private readonly List<int> _to = [];
    private readonly List<int> _capacity = [];
    private readonly List<long> _cost = [];

    public MinCostFlow(int nodes)
    {
        _outgoing = new List<int>[nodes];
        for (var i = 0; i < nodes; i++)
        {
            _outgoing[i] = [];
        }
    }

    /// <summary>Adds an edge and returns its id; its reverse residual edge is id + 1.</summary>
    public int AddEdge(int from, int to, int capacity, long cost)
    {
        var id = _to.Count;
        Add(from, to, capacity, cost);
        Add(to, from, 0, -cost);
        return id;
    }

    /// <summary>The flow on an edge after <see cref="Run"/>: what its reverse edge can give back.</summary>
    public int FlowOn(int edge) => _capacity[edge + 1];

    public (int Flow, long Cost) Run(int source, int sink)
    {
        var nodes = _outgoing.Length;
        var flow = 0;
        var cost = 0L;
        while (true)
        {
            var distance = new long[nodes];
            Array.Fill(distance, long.MaxValue);
            var via = new int[nodes];
            Array.Fill(via, -1);
            var queued = new bool[nodes];
            var queue = new Queue<int>();
            distance[source] = 0;
            queue.Enqueue(source);
            queued[source] = true;
            while (queue.TryDequeue(out var node))
            {
                queued[node] = false;
                foreach (var edge in _outgoing[node])
                {
                    var next = _to[edge];
                    if (_capacity[edge] > 0 && distance[node] + _cost[edge] < distance[next])
                    {
                        distance[next] = distance[node] + _cost[edge];
                        via[next] = edge;
                        if (!queued[next])
                        {
                            queued[next] = true;
                            queue.Enqueue(next);
                        }
                    }
                }
            }

            if (distance[sink] == long.MaxValue)
            {
                return (flow, cost);
            }

            var push = int.MaxValue;
            for (var node = sink; node != source; node = _to[via[node] ^ 1])
            {
                push = Math.Min(push, _capacity[via[node]]);
            }

            for (var node = sink; node != source; node = _to[via[node] ^ 1])
            {
                _capacity[via[node]] -= push;
                _capacity[via[node] ^ 1] += push;
            }

            flow += push;
            cost += push * distance[sink];
        }
    }

    private void Add(int from, int to, int capacity, long cost)
    {
        _outgoing[from].Add(_to.Count);
        _to.Add(to);
        _capacity.Add(capacity);
        _cost.Add(cost);
    }
}
