namespace KeyProducts.Web.Data;

/// <summary>The SQLite FTS5 trigram index over <c>Products.DirectorySearchText</c> (decision 0012): an external-content
/// table kept in step by triggers, so every insert, update and delete of a product, however it is written (SaveChanges,
/// ExecuteUpdate, raw SQL, the bench generator), updates it in the same transaction.</summary>
public static class DirectorySearchIndex
{
    public const string Table = "ProductsSearch";
    public const string InsertTrigger = "Products_search_ai";
    public const string UpdateTrigger = "Products_search_au";
    public const string DeleteTrigger = "Products_search_ad";

    /// <summary>A trigram needs three characters: shorter queries are answered by the LIKE over the plain
    /// index.</summary>
    public const int MinQueryLength = 3;

    /// <summary>An FTS5 phrase of the folded query: with the trigram tokenizer it matches exactly the rows whose text
    /// contains the query as a substring, like <c>LIKE '%q%'</c> does (the text is already folded and lower
    /// case).</summary>
    public static string Phrase(string folded) => "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>An FTS5 query for rows holding every one of these trigrams, anywhere (a superset of the phrase's rows:
    /// the caller checks the whole query on each of them).</summary>
    public static string AllOf(IEnumerable<string> trigrams) => string.Join(" AND ", trigrams.Select(Phrase));
}
