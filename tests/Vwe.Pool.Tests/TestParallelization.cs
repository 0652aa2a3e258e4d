// The tests run one at a time: each spawns engine processes on a two-core machine and checks timings, and
// after disposing its pool that no engine child of this process is left, which another test's engines would spoil.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
