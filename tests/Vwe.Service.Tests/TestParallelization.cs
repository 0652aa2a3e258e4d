// The tests run one at a time: each spawns `vwe serve` with its engine processes on a two-core machine, some kill
// processes and check that none is left, and the bad-input tests compare counters before and after.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
