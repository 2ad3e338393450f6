namespace OpenLfr.Core.Evaluation.Dataset;

/// <summary>One image of an evaluation dataset.</summary>
/// <param name="Identity">The identity's folder name.</param>
/// <param name="Path">Full path of the image file.</param>
public sealed record DatasetImage(string Identity, string Path)
{
    /// <summary>The file name without folder, e.g. <c>Aaron_Peirsol_0001.jpg</c>; what labels files refer to.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
