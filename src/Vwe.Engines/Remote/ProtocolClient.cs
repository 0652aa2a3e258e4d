using System.Collections.Concurrent;
using Vwe.Protocol;

namespace Vwe.Engines.Remote;

/// <summary>
/// The client end of one control-protocol connection: sends requests with fresh ids and matches each answer to
/// its request, delivering progress frames on the way. One reading loop; any number of concurrent requests
/// (a ping while a job runs). When the connection breaks every pending request fails with
/// <see cref="EngineFailedException"/> at once.
/// </summary>
internal sealed class ProtocolClient : IAsyncDisposable
{
    private readonly string engineId;
    private readonly FrameReader reader;
    private readonly FrameWriter writer;
    private readonly ConcurrentDictionary<long, Pending> pending = new();
    private readonly TaskCompletionSource<string> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private long lastId;
    private Task? readLoop;

    public ProtocolClient(string engineId, Stream fromEngine, Stream toEngine)
    {
        this.engineId = engineId;
        reader = new FrameReader(fromEngine);
        writer = new FrameWriter(toEngine);
    }

    /// <summary>Completes, with the reason, when the connection is over.</summary>
    public Task<string> Closed => closed.Task;

    /// <summary>Reads the engine's first frame, which must be its hello, then starts the reading loop.</summary>
    public async Task<Message> ReadHelloAsync(CancellationToken cancellationToken)
    {
        Message? hello = await reader.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        if (hello is null)
        {
            throw new EngineStartException(engineId, "the connection closed before the engine's hello");
        }

        if (hello.Type != MessageTypes.Hello)
        {
            throw new EngineStartException(engineId, $"the first frame was '{hello.Type}', not hello");
        }

        readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
        return hello;
    }

    /// <summary>
    /// Sends <paramref name="request"/> (its id is assigned here) and waits for its answer. An error answer
    /// throws: <see cref="EngineJobException"/> for the job's own errors, <see cref="EngineFailedException"/>
    /// for the engine's. <paramref name="cancellationToken"/> sends a cancel and waits (up to
    /// <paramref name="grace"/>) for the engine to confirm; <paramref name="timeout"/> is our own limit on waiting
    /// for any answer: past it (plus grace) the engine is declared failed.
    /// </summary>
    public async Task<Message> SendAsync(
        Request request, Action<Message>? onProgress, TimeSpan? timeout, TimeSpan grace, CancellationToken cancellationToken)
    {
        request.Id = Interlocked.Increment(ref lastId);
        var call = new Pending(onProgress);
        pending[request.Id] = call;
        try
        {
            await WriteAsync(request).ConfigureAwait(false);
            return await WaitAsync(request, call, timeout, grace, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pending.TryRemove(request.Id, out _);
        }
    }

    /// <summary>Marks the connection broken: every pending and later request fails with <paramref name="reason"/>.</summary>
    public void Fail(string reason)
    {
        if (!closed.TrySetResult(reason))
        {
            return;
        }

        foreach (Pending call in pending.Values)
        {
            call.Answer.TrySetException(new EngineFailedException(engineId, reason));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Fail("the connection was closed");
        await stop.CancelAsync().ConfigureAwait(false);
        if (readLoop is not null)
        {
            await readLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        stop.Dispose();
    }

    private async Task<Message> WaitAsync(Request request, Pending call, TimeSpan? timeout, TimeSpan grace, CancellationToken cancellationToken)
    {
        Task<Message> answer = call.Answer.Task;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } after)
        {
            limit.CancelAfter(after + grace);
        }

        try
        {
            return Unwrap(await answer.WaitAsync(limit.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Broken($"no answer to {request.Op} request {request.Id} within {(timeout!.Value + grace).TotalSeconds:0.#} s");
        }
        catch (OperationCanceledException) when (!answer.IsCompleted)
        {
            // The caller gave up: ask the engine to stop the job, and wait until it has, so the engine is idle
            // again when it goes back to the pool. An engine that does not confirm in time is broken.
            await WriteAsync(new Request { Id = Interlocked.Increment(ref lastId), Op = Ops.Cancel, Target = request.Id }).ConfigureAwait(false);
            try
            {
                Unwrap(await answer.WaitAsync(grace, CancellationToken.None).ConfigureAwait(false));
            }
            catch (TimeoutException)
            {
                throw Broken($"the engine did not confirm cancelling {request.Op} request {request.Id} within {grace.TotalSeconds:0.#} s");
            }
            catch (EngineJobException)
            {
                // The expected answer: the job was cancelled (or failed on its own just before).
            }

            throw;
        }
    }

    private Message Unwrap(Message answer)
    {
        if (answer.Type != MessageTypes.Error)
        {
            return answer;
        }

        string code = answer.Code ?? ErrorCodes.Internal;
        string text = answer.ErrorMessage ?? code;
        throw ErrorCodes.IsJobError(code) ? new EngineJobException(code, text) : Broken($"{code}: {text}");
    }

    private EngineFailedException Broken(string reason)
    {
        Fail(reason);
        return new EngineFailedException(engineId, reason);
    }

    private async Task WriteAsync(Request request)
    {
        if (closed.Task.IsCompleted)
        {
            throw new EngineFailedException(engineId, closed.Task.Result);
        }

        try
        {
            await writer.WriteAsync(request, stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
            throw Broken($"sending {request.Op} failed: {exception.Message}");
        }
    }

    private async Task ReadLoopAsync()
    {
        string reason = "the engine closed the connection";
        try
        {
            while (await reader.ReadMessageAsync(stop.Token).ConfigureAwait(false) is { } message)
            {
                Dispatch(message);
            }
        }
        catch (ProtocolException exception)
        {
            reason = $"the engine broke the protocol: {exception.Message}";
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
            reason = $"reading from the engine failed: {exception.Message}";
        }

        Fail(reason);
    }

    private void Dispatch(Message message)
    {
        if (message.Id is not { } id || !pending.TryGetValue(id, out Pending? call))
        {
            // Unsolicited frames (state changes) and answers to requests nobody waits for any more.
            return;
        }

        if (message.Type == MessageTypes.Progress)
        {
            call.OnProgress?.Invoke(message);
        }
        else
        {
            call.Answer.TrySetResult(message);
        }
    }

    private sealed class Pending(Action<Message>? onProgress)
    {
        public Action<Message>? OnProgress { get; } = onProgress;

        public TaskCompletionSource<Message> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
