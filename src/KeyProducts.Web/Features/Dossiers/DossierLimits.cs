namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Upload limits. The request limit of the upload form is the file limit plus room for the other fields,
/// so a slightly larger file reaches the handler and gets a precise message; a much larger one is cut off
/// early.</summary>
public static class DossierLimits
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxDossierBytes = 60 * 1024 * 1024;
    public const long MaxUploadRequestBytes = MaxFileBytes + 256 * 1024;
}
