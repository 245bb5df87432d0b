using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MtaSts.Server.Api;

/// <summary>Sets the title of <c>/api/openapi.json</c> and declares the bearer token that the <c>/api</c> operations require.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    private const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "mtasts API";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The admin token whose hash is Server:Api:AdminTokenHash. Without that setting, only loopback clients are served, with no token.",
        };

        // Only /api needs the token; policy hosting and report intake stay open to senders.
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            }
        }

        return Task.CompletedTask;
    }
}
