using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data;

/// <summary>Recognises database failures that have a meaning for the user, on both providers.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row: someone (often the same user's double click) saved it first.</summary>
    public static bool IsUniqueViolation(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException pg)
                return pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation;
            // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
            if (e is Microsoft.Data.Sqlite.SqliteException s)
                return s.SqliteExtendedErrorCode is 2067 or 1555;
        }
        return false;
    }

    /// <summary>Another session changed or inserted the same rows first: a stale version or a unique
    /// violation.</summary>
    public static bool IsLostRace(Exception ex) =>
        ex is DbUpdateConcurrencyException || ex is DbUpdateException && IsUniqueViolation(ex);

    /// <summary>The database cannot be reached (down, restarting, refusing connections, the file missing), as opposed
    /// to
    /// a query the database refused. These are answered 503 with a retry hint.</summary>
    public static bool IsUnavailable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg:
                    // Class 08 connection exceptions, 57P01-57P03 shutdown / cannot connect now, 53300 too many
                    // connections.
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case Npgsql.NpgsqlException:
                    return true; // not a server-side error: the connection itself failed
                case Microsoft.Data.Sqlite.SqliteException s:
                    return s.SqliteErrorCode
                        is 14 /* CANTOPEN */
                            or 5 /* BUSY */
                            or 6 /* LOCKED */
                            or 10 /* IOERR */
                    ;
                case System.Net.Sockets.SocketException or TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
