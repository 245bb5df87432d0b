namespace MtaSts.Server.Metrics;

/// <summary><c>GET /metrics</c> in the Prometheus text format, and a middleware that counts every request.</summary>
internal static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", (PrometheusExporter exporter) =>
            TypedResults.Text(exporter.Write(), "text/plain; version=0.0.4; charset=utf-8"))
            .ExcludeFromDescription();
        return routes;
    }

    /// <summary>Counts each response by status code.</summary>
    public static IApplicationBuilder UseRequestCounting(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<ServerMetrics>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            metrics.Request(context.Response.StatusCode);
        });
    }
}
