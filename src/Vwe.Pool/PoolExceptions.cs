namespace Vwe.Pool;

/// <summary>No engine became free in time. The message names the pool's settings and what was busy.</summary>
public sealed class PoolTimeoutException(string message) : TimeoutException(message);

/// <summary>Engines keep failing to start: the request fails rather than wait for ever. Carries the last start error.</summary>
public sealed class EnginesCannotStartException(string message, Exception? lastFailure)
    : Exception(message, lastFailure);

/// <summary>The pool is shutting down or disposed: no new work is taken.</summary>
public sealed class PoolClosedException() : InvalidOperationException("the engine pool is shutting down; no new jobs are taken");
