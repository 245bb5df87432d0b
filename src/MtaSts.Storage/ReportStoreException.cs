namespace MtaSts.Storage;

/// <summary>The reason a report store could not be opened.</summary>
public enum ReportStoreError
{
    /// <summary>The store does not exist, and the caller asked for an existing one.</summary>
    NotFound,

    /// <summary>The folder of a SQLite file does not exist.</summary>
    FolderNotFound,

    /// <summary>The file exists but is not a SQLite database (an empty file included); it was left unchanged.</summary>
    NotSqlite,

    /// <summary>The database exists but contains other tables and no report store schema; it was left unchanged.</summary>
    NotReportStore,

    /// <summary>The value is a URL whose scheme names no supported backend, or a PostgreSQL location that cannot be parsed.</summary>
    InvalidLocation,

    /// <summary>The PostgreSQL server rejected the user name or password, or no password was available.</summary>
    AuthenticationFailed,

    /// <summary>The PostgreSQL database named by the location does not exist on the server.</summary>
    DatabaseNotFound,

    /// <summary>The PostgreSQL server could not be reached.</summary>
    ConnectionFailed,

    /// <summary>The PostgreSQL server returned another error while the store was opened; <see cref="ReportStoreException.Detail"/> is its SQLSTATE.</summary>
    ServerError,
}

/// <summary>A report store that could not be opened, with the reason as a value so that callers can word their own message.</summary>
public sealed class ReportStoreException : Exception
{
    /// <summary>Creates the exception for the store at <paramref name="location"/>.</summary>
    /// <param name="error">The reason.</param>
    /// <param name="location">The store, for people: a file path or a PostgreSQL URL without its password.</param>
    /// <param name="detail">A short English detail, such as the server's reason, or <see langword="null"/>.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public ReportStoreException(ReportStoreError error, string location, string? detail = null, Exception? innerException = null)
        : base($"The report store {location} could not be opened: {error}{(detail is null ? string.Empty : " (" + detail + ")")}.", innerException)
    {
        Error = error;
        Location = location;
        Detail = detail;
    }

    /// <summary>The reason.</summary>
    public ReportStoreError Error { get; }

    /// <summary>The store, for people: a file path or a PostgreSQL URL without its password.</summary>
    public string Location { get; }

    /// <summary>A short English detail, such as a socket error name or a PostgreSQL SQLSTATE, or <see langword="null"/>.</summary>
    public string? Detail { get; }
}
