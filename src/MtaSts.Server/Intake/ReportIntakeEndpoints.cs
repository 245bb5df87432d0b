using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MtaSts.Server.Hosting;

namespace MtaSts.Server.Intake;

/// <summary><c>POST /tlsrpt</c> (the path is configurable): TLS reports delivered over HTTPS (RFC 8460 §5.4).</summary>
internal static class ReportIntakeEndpoints
{
    private const string GzipMediaType = "application/tlsrpt+gzip";
    private const string JsonMediaType = "application/tlsrpt+json";

    public static IEndpointRouteBuilder MapReportIntakeEndpoints(this IEndpointRouteBuilder routes, string path)
    {
        routes.MapPost(path, PostReportAsync)
            .WithName("PostReport")
            .WithSummary("Receives one TLS report (RFC 8460 §5.4)")
            .Accepts<byte[]>(GzipMediaType, JsonMediaType)
            .DisableAntiforgery();
        return routes;
    }

    private static async Task<Results<Created, Ok, ProblemHttpResult>> PostReportAsync(
        HttpContext context,
        ReportIntakeService intake,
        IOptions<ServerOptions> options,
        CancellationToken cancellationToken)
    {
        var source = new ReportSource("https", context.Connection.RemoteIpAddress?.ToString());

        // RFC 8460 §5.4: application/tlsrpt+gzip for a compressed report, application/tlsrpt+json otherwise.
        bool gzip;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType))
        {
            return Problem(intake.Reject(ReportRejection.UnsupportedMediaType, source).Rejection!.Value, StatusCodes.Status415UnsupportedMediaType);
        }
        else if (mediaType.MediaType.Equals(GzipMediaType, StringComparison.OrdinalIgnoreCase))
        {
            gzip = true;
        }
        else if (mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            gzip = false;
        }
        else
        {
            return Problem(intake.Reject(ReportRejection.UnsupportedMediaType, source).Rejection!.Value, StatusCodes.Status415UnsupportedMediaType);
        }

        var limit = options.Value.Intake.MaxBodyBytes;
        var body = await ReadBodyAsync(context.Request, limit, cancellationToken);
        if (body is null)
        {
            return Problem(intake.Reject(ReportRejection.TooLarge, source).Rejection!.Value, StatusCodes.Status413PayloadTooLarge);
        }

        var result = await intake.AcceptAsync(body, gzip, source, cancellationToken);
        return result.Outcome switch
        {
            // A 2xx is sent only here, after the store committed the report or found it already stored.
            IntakeOutcome.Stored => TypedResults.Created(),
            IntakeOutcome.Duplicate => TypedResults.Ok(),
            _ => Problem(result.Rejection!.Value, result.Rejection == ReportRejection.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest),
        };
    }

    /// <summary>Reads the whole body, or returns <see langword="null"/> as soon as it exceeds <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Problem(ReportRejection rejection, int statusCode)
    {
        return TypedResults.Problem(
            detail: rejection.Describe(),
            statusCode: statusCode,
            extensions: new Dictionary<string, object?> { ["reason"] = rejection.Code() });
    }
}
