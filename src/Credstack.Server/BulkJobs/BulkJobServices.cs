namespace Credstack.Server.BulkJobs;

/// <summary>Registers the bulk jobs feature: its store, the worker and its options.</summary>
internal static class BulkJobServices
{
    public static WebApplicationBuilder AddBulkJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BulkJobOptions>().Bind(builder.Configuration.GetSection(BulkJobOptions.Section));
        builder.Services.AddSingleton<BulkJobStore>();
        builder.Services.AddSingleton<BulkJobSignal>();
        builder.Services.AddHostedService<BulkJobWorker>();
        return builder;
    }
}
