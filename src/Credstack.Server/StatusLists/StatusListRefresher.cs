using Microsoft.Extensions.Options;

namespace Credstack.Server.StatusLists;

/// <summary>
/// Re-signs changed status lists in batches: every <see cref="StatusListOptions.RefreshInterval"/>,
/// all lists changed since their last signature are published once, however many bits changed.
/// <see cref="FlushAsync"/> does one round now (tests, and the status endpoint when a change is older than the interval).
/// </summary>
internal sealed partial class StatusListRefresher(
    StatusListStore store,
    StatusListPublisher publisher,
    IOptions<StatusListOptions> options,
    TimeProvider time,
    ILogger<StatusListRefresher> logger) : BackgroundService
{
    // One flush at a time per process; other processes may flush the same list concurrently, which
    // costs a signature but no harm (the newer version wins in SavePublishedAsync).
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Publishes every list with unpublished changes; returns how many were published.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var published = 0;
            foreach (var list in await store.ChangedAsync(cancellationToken))
            {
                if (await publisher.PublishAsync(list, cancellationToken))
                {
                    published++;
                }
            }

            return published;
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Publishes one list now, under the same lock as the batch.</summary>
    public async Task PublishNowAsync(StatusListRecord list, CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            await publisher.PublishAsync(list, cancellationToken);
        }
        finally
        {
            _flushing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshInterval;
        if (interval <= TimeSpan.Zero || !options.Value.BackgroundRefresh)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round (database briefly away) must not end the loop; it is logged and retried next interval
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, e);
            }
        }
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-signing changed status lists failed; retrying after the next interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
