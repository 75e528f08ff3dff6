using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>A Razor page found in the app's endpoints: its path, route parameters, the names its GET binds and its POST
/// handlers.</summary>
public sealed record PageForm(
    string Path,
    RoutePattern Route,
    IReadOnlyList<string> GetNames,
    IReadOnlyList<PostHandler> Handlers
);

/// <summary>A POST handler (null name = OnPost) and every form field name it binds, with the kind of value each
/// expects.</summary>
public sealed record PostHandler(string? Name, IReadOnlyList<FormField> Fields, IReadOnlyList<string> FileFields);

public sealed record FormField(string Name, Type Type);

/// <summary>An /api endpoint: method, route, query parameter names and the JSON body type it accepts, if any.</summary>
public sealed record ApiEndpoint(string Method, RoutePattern Route, IReadOnlyList<string> QueryNames, Type? BodyType);

/// <summary>Discovers what the app exposes from its own endpoint data source, so new pages and endpoints are fuzzed
/// without being listed.</summary>
public static class HandlerCatalog
{
    public static async Task<IReadOnlyList<PageForm>> PagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var byPath = new Dictionary<string, PageForm>(StringComparer.Ordinal);
        foreach (var e in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (
                e.Metadata.GetMetadata<PageActionDescriptor>() is not { } page
                || byPath.ContainsKey(page.ViewEnginePath)
            )
                continue;
            // Index pages have two routes ("/Portal" and "/Portal/Index"): the first one seen is enough.
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var getNames = compiled
                .HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h.Parameters)
                .Select(p => p.Name)
                .Concat(
                    compiled
                        .BoundProperties.OfType<PageBoundPropertyDescriptor>()
                        .Where(p => SupportsGet(p.Property))
                        .Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
                )
                .Where(n => e.RoutePattern.GetParameter(n) is null)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var handlers = compiled
                .HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h =>
                {
                    var fields = compiled
                        .BoundProperties.OfType<PageBoundPropertyDescriptor>()
                        .SelectMany(p => Expand(p.BindingInfo?.BinderModelName ?? p.Name, p.Property.PropertyType, 0))
                        .Concat(
                            h.Parameters.Where(p => e.RoutePattern.GetParameter(p.Name) is null)
                                .SelectMany(p => Expand(p.Name, p.ParameterType, 0))
                        )
                        .ToList();
                    return new PostHandler(
                        h.Name,
                        fields.Where(f => !IsFile(f.Type)).ToList(),
                        fields.Where(f => IsFile(f.Type)).Select(f => f.Name).ToList()
                    );
                })
                .ToList();
            byPath[page.ViewEnginePath] = new PageForm(page.ViewEnginePath, e.RoutePattern, getNames, handlers);
        }
        return byPath.Values.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<ApiEndpoint> Api(IServiceProvider services, string prefix) =>
        services
            .GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                var parameters = e.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
                var query = parameters
                    .Where(p => p.Name is { } n && e.RoutePattern.GetParameter(n) is null && IsSimple(p.ParameterType))
                    .Select(p => p.Name!)
                    .ToList();
                var body = e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                return methods.Select(m => new ApiEndpoint(m, e.RoutePattern, query, body));
            })
            .ToList();

    private static bool SupportsGet(PropertyInfo p) =>
        p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>()?.SupportsGet == true
        || p.DeclaringType?.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertiesAttribute>()?.SupportsGet == true;

    private static bool IsFile(Type t) =>
        typeof(IFormFile).IsAssignableFrom(t)
        || typeof(IFormFileCollection).IsAssignableFrom(t)
        || (t.IsGenericType && t.GetGenericArguments().Any(a => typeof(IFormFile).IsAssignableFrom(a)));

    public static bool IsSimple(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive
            || t.IsEnum
            || t == typeof(string)
            || t == typeof(decimal)
            || t == typeof(DateOnly)
            || t == typeof(DateTime)
            || t == typeof(DateTimeOffset)
            || t == typeof(TimeOnly)
            || t == typeof(Guid);
    }

    /// <summary>The form names a bound type reads: "Input.Name", "Figures[0].Year", "Answers[k]", "Present" (a list of
    /// simple values).</summary>
    private static IEnumerable<FormField> Expand(string prefix, Type type, int depth)
    {
        if (type == typeof(CancellationToken))
            yield break;
        if (IsSimple(type) || IsFile(type))
        {
            yield return new FormField(prefix, type);
            yield break;
        }
        if (depth > 3)
            yield break;
        if (
            type.IsGenericType
            && type.GetGenericTypeDefinition() is var g
            && (g == typeof(Dictionary<,>) || g == typeof(IDictionary<,>) || g == typeof(IReadOnlyDictionary<,>))
        )
        {
            foreach (var f in Expand($"{prefix}[k1]", type.GetGenericArguments()[1], depth + 1))
                yield return f;
            yield break;
        }
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var item = type.IsArray
                ? type.GetElementType()!
                : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            if (IsSimple(item))
            {
                yield return new FormField(prefix, item);
                yield break;
            }
            foreach (var f in Expand($"{prefix}[0]", item, depth + 1))
                yield return f;
            yield break;
        }
        foreach (
            var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
        )
        foreach (var f in Expand($"{prefix}.{p.Name}", p.PropertyType, depth + 1))
            yield return f;
    }
}
