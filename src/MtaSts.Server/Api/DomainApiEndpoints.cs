using Microsoft.AspNetCore.Http.HttpResults;
using MtaSts.Policies;
using MtaSts.Server.Domains;
using MtaSts.Server.Intake;
using MtaSts.Server.Logging;
using MtaSts.Server.Policies;

namespace MtaSts.Server.Api;

/// <summary>The JSON API under <c>/api</c>: managed domains, their policies and lifecycle, and report counts.</summary>
internal static class DomainApiEndpoints
{
    public static IEndpointRouteBuilder MapDomainApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<ApiAuthorization>().WithTags("api")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/domains", ListAsync).WithSummary("Lists the managed domains");
        api.MapGet("/domains/{name}", GetAsync).WithSummary("Returns one managed domain with the DNS records to publish")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/domains/{name}/dns-check", CheckDnsAsync).WithSummary("Compares the records live in DNS with the records to publish")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/domains", AddAsync).Accepts<AddDomainRequest>("application/json").WithSummary("Adds a managed domain with its first policy")
            .Produces<DomainModel>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/domains/{name}/policy", SetPolicyAsync).Accepts<PolicyModel>("application/json").WithSummary("Replaces the policy; other content gets a new policy id")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/domains/{name}/promote", (string name, ApiContext context, CancellationToken token) =>
            ChangeAsync(name, "promote", context, (catalog, domain) => catalog.PromoteAsync(domain, token), token)).WithSummary("Moves a domain from testing to enforce")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/domains/{name}/retire", (string name, ApiContext context, CancellationToken token) =>
            ChangeAsync(name, "retire", context, (catalog, domain) => catalog.RetireAsync(domain, token), token)).WithSummary("Publishes mode none until the old max_age has passed")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/domains/{name}", RemoveAsync).WithSummary("Removes a retired domain after its removal time")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/reports/summary", SummarizeReportsAsync).WithSummary("Counts stored reports, in total and per managed domain");
        return routes;
    }

    private static async Task<Ok<IntakeSummary>> SummarizeReportsAsync(ApiContext context, IReportIntake intake, CancellationToken cancellationToken)
    {
        var domains = await context.Catalog.ListAsync(cancellationToken);
        return TypedResults.Ok(await intake.SummarizeAsync([.. domains.Select(d => d.Name)], cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<DomainModel>>> ListAsync(ApiContext context, CancellationToken cancellationToken)
    {
        var domains = await context.Catalog.ListAsync(cancellationToken);
        IReadOnlyList<DomainModel> models = [.. domains.Select(d => DomainModel.From(d, context.Dns))];
        return TypedResults.Ok(models);
    }

    private static async Task<Results<Ok<DomainModel>, ProblemHttpResult>> GetAsync(string name, ApiContext context, CancellationToken cancellationToken)
    {
        var normalized = DomainName.TryNormalize(name);
        var domain = normalized is null ? null : await context.Catalog.FindAsync(normalized, cancellationToken);
        return domain is null
            ? NotManaged(name)
            : TypedResults.Ok(DomainModel.From(domain, context.Dns));
    }

    private static async Task<Results<Ok<IReadOnlyList<DnsRecordStatusModel>>, ProblemHttpResult>> CheckDnsAsync(
        string name,
        ApiContext context,
        DnsRecordCheck check,
        CancellationToken cancellationToken)
    {
        var normalized = DomainName.TryNormalize(name);
        var domain = normalized is null ? null : await context.Catalog.FindAsync(normalized, cancellationToken);
        if (domain is null)
        {
            return NotManaged(name);
        }

        var statuses = await check.CheckAsync(domain, context.Dns.For(domain), cancellationToken);
        IReadOnlyList<DnsRecordStatusModel> models = [.. statuses.Select(DnsRecordStatusModel.From)];
        return TypedResults.Ok(models);
    }

    private static async Task<Results<Created<DomainModel>, ProblemHttpResult>> AddAsync(HttpRequest httpRequest, ApiContext context, CancellationToken cancellationToken)
    {
        var (request, bodyProblem) = await ApiRequestBody.ReadAsync(httpRequest, ApiJsonContext.Default.AddDomainRequest, cancellationToken);
        if (request is null)
        {
            return bodyProblem!;
        }

        if (request.Name is null)
        {
            return Invalid("name", "The name is missing; give the policy domain, such as example.com.");
        }

        var name = DomainName.TryNormalize(request.Name);
        if (name is null)
        {
            return InvalidDomain(request.Name);
        }

        if (!TryBuildPolicy(request.Policy, out var policy, out var problem))
        {
            return problem;
        }

        try
        {
            var domain = await context.Catalog.AddAsync(name, policy, cancellationToken);
            await context.AfterChangeAsync("add", domain, cancellationToken);
            return TypedResults.Created($"/api/domains/{domain.Name}", DomainModel.From(domain, context.Dns));
        }
        catch (DomainCatalogException e)
        {
            return CatalogProblem(e);
        }
    }

    private static async Task<Results<Ok<DomainModel>, ProblemHttpResult>> SetPolicyAsync(string name, HttpRequest httpRequest, ApiContext context, CancellationToken cancellationToken)
    {
        var (request, bodyProblem) = await ApiRequestBody.ReadAsync(httpRequest, ApiJsonContext.Default.PolicyModel, cancellationToken);
        if (request is null)
        {
            return bodyProblem!;
        }

        if (!TryBuildPolicy(request, out var policy, out var problem))
        {
            return problem;
        }

        return await ChangeAsync(name, "set-policy", context, (catalog, domain) => catalog.SetPolicyAsync(domain, policy, cancellationToken), cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string name, ApiContext context, CancellationToken cancellationToken)
    {
        var normalized = DomainName.TryNormalize(name);
        if (normalized is null)
        {
            return InvalidDomain(name);
        }

        try
        {
            await context.Catalog.RemoveAsync(normalized, cancellationToken);
            await context.AfterChangeAsync("remove", null, cancellationToken, normalized);
            return TypedResults.NoContent();
        }
        catch (DomainCatalogException e)
        {
            return CatalogProblem(e);
        }
    }

    private static async Task<Results<Ok<DomainModel>, ProblemHttpResult>> ChangeAsync(
        string name,
        string action,
        ApiContext context,
        Func<IDomainCatalog, string, Task<ManagedDomain>> change,
        CancellationToken cancellationToken)
    {
        var normalized = DomainName.TryNormalize(name);
        if (normalized is null)
        {
            return InvalidDomain(name);
        }

        try
        {
            var domain = await change(context.Catalog, normalized);
            await context.AfterChangeAsync(action, domain, cancellationToken);
            return TypedResults.Ok(DomainModel.From(domain, context.Dns));
        }
        catch (DomainCatalogException e)
        {
            return CatalogProblem(e);
        }
    }

    private static bool TryBuildPolicy(PolicyModel? model, out StsPolicy policy, out ProblemHttpResult problem)
    {
        policy = null!;
        problem = null!;
        if (model is null)
        {
            problem = Invalid("policy", "The policy is missing; give an object with mode, mx and maxAge.");
            return false;
        }

        if (model.Mode is null)
        {
            problem = Invalid("mode", "The mode is missing; use testing, enforce or none.");
            return false;
        }

        if (!Enum.TryParse<PolicyMode>(model.Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(model.Mode, out _))
        {
            problem = Invalid("mode", $"The mode '{model.Mode}' is invalid; use testing, enforce or none.");
            return false;
        }

        if (model.MaxAge is < 1 or > StsPolicy.MaxAgeLimit)
        {
            problem = Invalid("maxAge", $"The max_age {model.MaxAge} is out of range; give 1 to {StsPolicy.MaxAgeLimit} seconds (RFC 8461 §3.2).");
            return false;
        }

        var patterns = new List<MxPattern>();
        foreach (var value in model.Mx ?? [])
        {
            if (!MxPattern.TryParse(value, out var pattern, out var diagnostics))
            {
                var reason = diagnostics.FirstOrDefault()?.Describe(System.Globalization.CultureInfo.InvariantCulture) ?? "invalid";
                problem = Invalid("mx", $"The MX pattern '{value}' is invalid: {reason}");
                return false;
            }

            patterns.Add(pattern);
        }

        if (patterns.Count == 0 && mode != PolicyMode.None)
        {
            problem = Invalid("mx", "Give at least one MX pattern unless the mode is none (RFC 8461 §3.2).");
            return false;
        }

        policy = StsPolicy.Create(mode, patterns, model.MaxAge);
        return true;
    }

    private static ProblemHttpResult Invalid(string field, string detail) => ApiRequestBody.Invalid(field, detail);

    private static ProblemHttpResult InvalidDomain(string name) =>
        Invalid("name", $"'{name}' is not a valid policy domain; give a domain name such as example.com.");

    private static ProblemHttpResult NotManaged(string name) =>
        TypedResults.Problem($"The domain '{name}' is not managed by this server.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult CatalogProblem(DomainCatalogException e)
    {
        var (status, detail) = e.Error switch
        {
            DomainCatalogError.NotFound => (StatusCodes.Status404NotFound, $"The domain '{e.Domain}' is not managed by this server."),
            DomainCatalogError.AlreadyExists => (StatusCodes.Status409Conflict, $"The domain '{e.Domain}' is already managed; change its policy with PUT /api/domains/{e.Domain}/policy."),
            DomainCatalogError.NotInTesting => (StatusCodes.Status409Conflict, $"Only a domain in mode testing can be promoted; '{e.Domain}' is not."),
            DomainCatalogError.Retired => (StatusCodes.Status409Conflict, $"The domain '{e.Domain}' is retired; set a new policy to bring it back."),
            DomainCatalogError.NotRetired => (StatusCodes.Status409Conflict, $"Retire '{e.Domain}' before removing it, so senders see mode none first (RFC 8461 §8.3)."),
            DomainCatalogError.RetirementNotOver => (StatusCodes.Status409Conflict, $"'{e.Domain}' can be removed from {e.RemovableAt:u}, when the max_age of its last policy has passed (RFC 8461 §8.3)."),
            _ => (StatusCodes.Status409Conflict, $"The domain '{e.Domain}' was changed by another request; retry."),
        };
        return TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = e.Error.ToString() });
    }
}

/// <summary>The services every API endpoint uses, and the steps after each change.</summary>
internal sealed class ApiContext(IDomainCatalog catalog, DnsInstructions dns, PolicyCacheRefresher refresher, ILogger<ApiContext> logger)
{
    public IDomainCatalog Catalog { get; } = catalog;

    public DnsInstructions Dns { get; } = dns;

    /// <summary>Reloads the served policies at once and logs the change.</summary>
    public async Task AfterChangeAsync(string action, ManagedDomain? domain, CancellationToken cancellationToken, string? removedName = null)
    {
        Log.DomainChanged(logger, action, domain?.Name ?? removedName ?? "", domain?.PolicyId);
        await refresher.RefreshAsync(cancellationToken);
    }
}
