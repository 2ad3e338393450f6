namespace OpenLfr.Inference.Models;

/// <summary>What <see cref="ModelStore.Verify"/> found for one file.</summary>
public enum ModelFileState { Ok, Missing, WrongSize, WrongChecksum }

/// <summary>The verdict on one model file.</summary>
public sealed record ModelFileStatus(ModelEntry Model, ModelFile File, string FullPath, ModelFileState State, string? Detail)
{
    public bool IsOk => State == ModelFileState.Ok;

    public override string ToString() => State switch
    {
        ModelFileState.Ok => $"ok       {Model.Name}/{File.Path}",
        ModelFileState.Missing => $"MISSING  {FullPath}",
        ModelFileState.WrongSize => $"CORRUPT  {FullPath}: {Detail}",
        _ => $"CORRUPT  {FullPath}: {Detail}",
    };
}
