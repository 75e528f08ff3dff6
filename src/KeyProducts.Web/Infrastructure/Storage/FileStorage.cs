using System.Security.Cryptography;

namespace KeyProducts.Web.Infrastructure.Storage;

/// <summary>Where uploaded files live: content addressed by SHA-256, outside the web root.</summary>
public interface IFileStorage
{
    /// <summary>Streams the content to storage, hashing as it goes; refuses content past <paramref
    /// name="maxBytes"/>.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct = default);
    Stream? OpenRead(string sha256);
    bool Exists(string sha256);

    /// <summary>Every stored blob and the temporary files of unfinished uploads, with when each was last
    /// written.</summary>
    IEnumerable<StoredBlob> List();

    void Delete(StoredBlob blob);
}

/// <summary>A file in storage: a blob named by its hash, or (Sha256 null) a temporary file of an unfinished
/// upload.</summary>
public sealed record StoredBlob(string Path, string? Sha256, DateTimeOffset LastWrite);

public sealed record StoredFile(string Sha256, long Size);

public sealed class FileTooLargeException(long limit) : Exception($"File larger than {limit} bytes")
{
    public long Limit { get; } = limit;
}

/// <summary>Metadata of a stored blob, kept so that storage and database can be reconciled.</summary>
public class StoredFileRecord
{
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class StorageOptions
{
    public string Root { get; set; } = "data/files";

    /// <summary>How old a file without a row must be before the sweeper deletes it.</summary>
    public int OrphanGraceMinutes { get; set; } = 60;

    public bool SweepOrphans { get; set; } = true;
}

public sealed class LocalFileStorage : IFileStorage
{
    private readonly string _root;

    public LocalFileStorage(Microsoft.Extensions.Options.IOptions<StorageOptions> options, IWebHostEnvironment env)
    {
        _root = Path.GetFullPath(options.Value.Root, env.ContentRootPath);
        var webRoot = Path.GetFullPath(env.WebRootPath ?? Path.Combine(env.ContentRootPath, "wwwroot"));
        if (_root.StartsWith(webRoot, StringComparison.Ordinal))
            throw new InvalidOperationException("Storage:Root must be outside the web root.");
        Directory.CreateDirectory(_root);
    }

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        var tmpDir = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(tmpDir);
        var tmp = Path.Combine(tmpDir, Guid.NewGuid().ToString("N"));
        long size = 0;
        string sha;
        try
        {
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (
                var fs = new FileStream(
                    tmp,
                    FileMode.CreateNew,
                    FileAccess.Write,
                    FileShare.None,
                    81920,
                    useAsync: true
                )
            )
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                        throw new FileTooLargeException(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    await fs.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var final = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
            {
                File.Delete(tmp);
                // The blob is wanted again: make it young, so the orphan sweeper leaves it to the row about to
                // reference it.
                File.SetLastWriteTimeUtc(final, DateTime.UtcNow);
            }
            else
                File.Move(tmp, final);
            return new StoredFile(sha, size);
        }
        catch
        {
            if (File.Exists(tmp))
                File.Delete(tmp);
            throw;
        }
    }

    public Stream? OpenRead(string sha256)
    {
        if (!IsSha(sha256))
            return null;
        var p = PathOf(sha256);
        return File.Exists(p)
            ? new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
    }

    public bool Exists(string sha256) => IsSha(sha256) && File.Exists(PathOf(sha256));

    public IEnumerable<StoredBlob> List()
    {
        foreach (var path in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(path);
            var inTmp = Path.GetFileName(Path.GetDirectoryName(path)) == "tmp";
            if (!inTmp && (!IsSha(name) || PathOf(name) != path))
                continue; // not ours (e.g. the signing key): never touched
            yield return new StoredBlob(
                path,
                inTmp ? null : name,
                new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero)
            );
        }
    }

    public void Delete(StoredBlob blob)
    {
        var full = Path.GetFullPath(blob.Path);
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("Not a stored file.");
        File.Delete(full);
    }

    private string PathOf(string sha) => Path.Combine(_root, sha[..2], sha[2..4], sha);

    private static bool IsSha(string s) => s.Length == 64 && s.All(char.IsAsciiHexDigitLower);
}
