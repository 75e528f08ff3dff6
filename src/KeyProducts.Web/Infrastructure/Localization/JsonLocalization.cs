using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Infrastructure.Localization;

/// <summary>Marker type for the one shared string table.</summary>
public sealed class SharedResource;

/// <summary>Vietnamese is the source language: the key is the Vietnamese text. English comes from
/// Resources/i18n/*.en.json (one file per capability, embedded). Missing translations are recorded so tests can fail on
/// them.</summary>
public sealed class TranslationTable
{
    public FrozenDictionary<string, string> English { get; }
    public ConcurrentDictionary<string, byte> Missing { get; } = new();

    public TranslationTable()
    {
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        var asm = typeof(TranslationTable).Assembly;
        foreach (
            var name in asm.GetManifestResourceNames()
                .Where(n =>
                    n.StartsWith("i18n.", StringComparison.Ordinal) && n.EndsWith(".en.json", StringComparison.Ordinal)
                )
                .Order(StringComparer.Ordinal)
        )
        {
            using var s = asm.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(s) ?? [];
            foreach (var (k, v) in entries)
                dict[k] = v;
        }
        English = dict.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Translate(string key, CultureInfo ui)
    {
        if (ui.TwoLetterISOLanguageName != "en")
            return key;
        if (English.TryGetValue(key, out var en))
            return en;
        Missing.TryAdd(key, 0);
        return key;
    }
}

public sealed class JsonStringLocalizer(TranslationTable table) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = table.Translate(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value, resourceNotFound: false);
        }
    }

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.CurrentCulture, this[name].Value, arguments), resourceNotFound: false);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        table.English.Select(kv => new LocalizedString(kv.Key, table.Translate(kv.Key, CultureInfo.CurrentUICulture)));
}

public sealed class JsonStringLocalizerFactory(TranslationTable table) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(table);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

/// <summary>Cultures: text in Vietnamese (default) or English; numbers and dates always vi-VN.</summary>
public static class AppCultures
{
    public const string CookieName = ".KeyProducts.Culture";
    public static readonly CultureInfo Format = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo[] UiCultures =
    [
        CultureInfo.GetCultureInfo("vi-VN"),
        CultureInfo.GetCultureInfo("en"),
    ];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
