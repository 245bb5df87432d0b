using System.Reflection;
using Microsoft.Data.Sqlite;

namespace MtaSts.Server.Sqlite;

/// <summary>Opens connections to one SQLite file in WAL mode with full sync, so a committed write survives a crash.</summary>
internal sealed class SqliteFile
{
    private readonly string _connectionString;

    private SqliteFile(string path, bool create)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = true,

            // Seconds a command waits for another writer's lock before it fails.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Applies the embedded schema script <paramref name="schemaResource"/>, creating the folder and
    /// the file first when <paramref name="create"/> is set.
    /// </summary>
    /// <exception cref="SqliteException">The file is missing (without <paramref name="create"/>) or is not a SQLite database.</exception>
    public static async Task<SqliteFile> OpenAsync(string path, string schemaResource, bool create, CancellationToken cancellationToken)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (create && !string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var file = new SqliteFile(fullPath, create);
        await using var connection = await file.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + ReadSchema(schemaResource);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return file;
    }

    /// <summary>Opens a pooled connection with full sync on commit.</summary>
    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // FULL syncs the WAL on every commit: a report acknowledged with 2xx survives power loss, not only a killed process.
        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static string ReadSchema(string resource)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded schema '{resource}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
