using System.Diagnostics;
using System.IO.Compression;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Infrastructure.Operations;

/// <summary>One zip file holding the database and every uploaded file: <c>-- backup FILE</c> and <c>-- restore
/// FILE</c>.
/// SQLite is copied with its online backup API (consistent while the app runs); PostgreSQL with pg_dump's custom
/// format,
/// restored by pg_restore --clean in one transaction. Restoring replaces the database and the stored files.</summary>
public sealed class BackupArchive(AppDbContext db, IFileStorage storage, ILogger<BackupArchive> log)
{
    private const string SqliteEntry = "database.sqlite";
    private const string PostgresEntry = "database.pgdump";
    private const string FilesPrefix = "files/";

    public async Task BackupAsync(string file, CancellationToken ct = default)
    {
        var work = Directory.CreateTempSubdirectory("kp-backup-");
        try
        {
            var dump = Path.Combine(work.FullName, db.Database.IsNpgsql() ? PostgresEntry : SqliteEntry);
            if (db.Database.IsNpgsql())
                await PgToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-acl", "--file", dump], ct);
            else
            {
                await using var source = new SqliteConnection(db.Database.GetConnectionString());
                await source.OpenAsync(ct);
                await using var target = new SqliteConnection(
                    new SqliteConnectionStringBuilder { DataSource = dump, Pooling = false }.ToString()
                );
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
            }
            var full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (File.Exists(full))
                File.Delete(full);
            using (var zip = ZipFile.Open(full, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(dump, Path.GetFileName(dump), CompressionLevel.Fastest);
                var files = 0;
                foreach (var blob in storage.List().Where(b => b.Sha256 is not null))
                {
                    zip.CreateEntryFromFile(blob.Path, FilesPrefix + blob.Sha256, CompressionLevel.Fastest);
                    files++;
                }
                log.LogInformation("Backup written to {File}: database and {Count} files", full, files);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public async Task RestoreAsync(string file, CancellationToken ct = default)
    {
        var work = Directory.CreateTempSubdirectory("kp-restore-");
        try
        {
            using var zip = ZipFile.OpenRead(Path.GetFullPath(file));
            var entry = zip.GetEntry(db.Database.IsNpgsql() ? PostgresEntry : SqliteEntry)
                ?? throw new InvalidOperationException(
                    $"{file} holds no {(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite")} database: back up and "
                        + $"restore with the same provider."
                );
            var dump = Path.Combine(work.FullName, entry.Name);
            entry.ExtractToFile(dump);
            if (db.Database.IsNpgsql())
                await PgToolAsync(
                    "pg_restore",
                    ["--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction", dump],
                    ct
                );
            else
            {
                await using (
                    var source = new SqliteConnection(
                        new SqliteConnectionStringBuilder { DataSource = dump, Pooling = false }.ToString()
                    )
                )
                {
                    await source.OpenAsync(ct);
                    await using var target = new SqliteConnection(db.Database.GetConnectionString());
                    await target.OpenAsync(ct);
                    source.BackupDatabase(target);
                }
                SqliteConnection.ClearAllPools();
            }

            foreach (var blob in storage.List())
                storage.Delete(blob);
            var restored = 0;
            foreach (var f in zip.Entries.Where(e => e.FullName.StartsWith(FilesPrefix, StringComparison.Ordinal)))
            {
                await using var content = f.Open();
                var stored = await storage.SaveAsync(content, long.MaxValue, ct);
                if (stored.Sha256 != f.Name)
                    throw new InvalidDataException($"{f.FullName} does not match its hash: the backup is damaged.");
                restored++;
            }
            log.LogInformation("Restored the database and {Count} files from {File}", restored, file);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task PgToolAsync(string tool, IEnumerable<string> args, CancellationToken ct)
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var psi = new ProcessStartInfo(FindPgTool(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (
            var a in new[]
            {
                "--host",
                cs.Host ?? "localhost",
                "--port",
                cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--username",
                cs.Username ?? "",
                "--dbname",
                cs.Database ?? "",
            }.Concat(args)
        )
            psi.ArgumentList.Add(a);
        psi.Environment["PGPASSWORD"] = cs.Password ?? "";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.StandardOutput.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({p.ExitCode}): {await stderr}");
    }

    /// <summary>The tool on PATH, else the newest PostgreSQL installed under /usr/lib/postgresql (Debian's
    /// layout).</summary>
    private static string FindPgTool(string tool)
    {
        foreach (
            var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(
                Path.PathSeparator,
                StringSplitOptions.RemoveEmptyEntries
            )
        )
            if (File.Exists(Path.Combine(dir, tool)))
                return Path.Combine(dir, tool);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory
                .GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", tool))
                .Where(File.Exists)
                .OrderByDescending(p =>
                    int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0
                )
                .FirstOrDefault()
            : null;
        return debian
            ?? throw new InvalidOperationException($"{tool} was not found on PATH or under /usr/lib/postgresql.");
    }
}
