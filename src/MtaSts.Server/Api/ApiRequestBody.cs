using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MtaSts.Server.Api;

/// <summary>
/// Reads a JSON request body of the API. Unlike minimal API binding, which returns a bare 400,
/// a body that is not JSON or has a value of the wrong type gets problem details naming the field.
/// </summary>
internal static class ApiRequestBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                $"The request body must be JSON; send it with Content-Type: application/json, not '{request.ContentType}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken);
            return value is null ? (null, Invalid("body", "The request body is empty or null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            // Path is the JSON path of the value that failed, such as $.policy.maxAge, or null for a syntax error before any value.
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var where = e.LineNumber is { } line ? $" near line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            var detail = field == "body"
                ? $"The request body is not valid JSON{where}; send a JSON object."
                : $"The value of '{field}' is invalid or of the wrong type{where}; see the schema in /api/openapi.json.";
            return (null, Invalid(field, detail));
        }
    }

    public static ProblemHttpResult Invalid(string field, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = field });
}
