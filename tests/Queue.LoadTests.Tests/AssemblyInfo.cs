// The engine's tests measure timing and concurrency: run them one at a time so they do not starve each other's thread pool.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
