// One test at a time: each runs engine containers on a two-core machine, and checks which containers exist.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
