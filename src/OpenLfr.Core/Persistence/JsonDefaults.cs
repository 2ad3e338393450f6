using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenLfr.Core.Persistence;

/// <summary>JSON settings for text stored in the database (audit details): camelCase, enums as names.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
