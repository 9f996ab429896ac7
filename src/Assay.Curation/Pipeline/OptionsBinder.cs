using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Binds a step's YAML parameters to its immutable options record: <c>snake_case</c> keys to
/// PascalCase settable/init properties, values converted to the property's type. Unknown keys and
/// bad values are errors naming file, line and column and listing the valid keys.
/// </summary>
internal static class OptionsBinder
{
    public static object Bind(string file, string stepName, Type optionsType, IEnumerable<(YamlScalarNode Key, YamlNode Value)> parameters)
    {
        object options;
        try { options = Activator.CreateInstance(optionsType)!; }
        catch (MissingMethodException)
        {
            throw new InvalidOperationException($"options type {optionsType.Name} of step {stepName} needs a parameterless constructor (use init properties)");
        }
        var props = Settable(optionsType);
        foreach (var (key, value) in parameters)
        {
            var name = key.Value ?? "";
            if (!props.TryGetValue(ToPascal(name), out var prop))
                throw PipelineConfigException.At(file, key.Start,
                    $"step '{stepName}' has no parameter '{name}'; valid: {ValidKeys(props.Values)}");
            try { prop.SetValue(options, Convert(value, prop.PropertyType)); }
            catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException)
            {
                throw PipelineConfigException.At(file, value.Start,
                    $"step '{stepName}' parameter '{name}' expects {Describe(prop.PropertyType)}: {e.Message}");
            }
        }
        return options;
    }

    public static string ValidKeys(Type optionsType) => ValidKeys(Settable(optionsType).Values);

    private static string ValidKeys(IEnumerable<PropertyInfo> props)
    {
        var keys = props.Select(p => $"{ToSnake(p.Name)} ({Describe(p.PropertyType)})").Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? "(none: this step takes no parameters)" : string.Join(", ", keys);
    }

    private static Dictionary<string, PropertyInfo> Settable(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToDictionary(p => p.Name, StringComparer.Ordinal);

    internal static object? Convert(YamlNode node, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" } && (underlying is not null || !type.IsValueType) && type != typeof(string))
            return null;
        type = underlying ?? type;
        if (ElementType(type) is { } element)
        {
            if (node is not YamlSequenceNode seq) throw new FormatException("expected a list, e.g. [a, b]");
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in seq.Children) list.Add(Convert(item, element));
            if (type.IsArray)
            {
                var array = Array.CreateInstance(element, list.Count);
                list.CopyTo(array, 0);
                return array;
            }
            return list;
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            if (node is not YamlMappingNode map) throw new FormatException("expected a mapping, e.g. {a: 1}");
            var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
            foreach (var (k, v) in map.Children) dict[((YamlScalarNode)k).Value!] = Convert(v, valueType);
            return dict;
        }
        if (node is not YamlScalarNode scalar) throw new FormatException("expected a single value");
        var s = scalar.Value ?? "";
        var inv = CultureInfo.InvariantCulture;
        if (type == typeof(string)) return s;
        if (type == typeof(bool)) return s.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw new FormatException($"'{s}' is not true or false"),
        };
        if (type == typeof(int)) return int.Parse(s, NumberStyles.Integer, inv);
        if (type == typeof(long)) return long.Parse(s, NumberStyles.Integer, inv);
        if (type == typeof(ulong)) return ulong.Parse(s, NumberStyles.Integer, inv);
        if (type == typeof(double)) return double.Parse(s, NumberStyles.Float, inv);
        if (type == typeof(float)) return float.Parse(s, NumberStyles.Float, inv);
        if (type.IsEnum)
        {
            var wanted = ToPascal(s);
            foreach (var n in Enum.GetNames(type))
                if (string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(n, s, StringComparison.OrdinalIgnoreCase))
                    return Enum.Parse(type, n);
            throw new FormatException($"'{s}' is not one of {string.Join(", ", Enum.GetNames(type).Select(ToSnake))}");
        }
        throw new ArgumentException($"parameters of type {type.Name} cannot be set from YAML");
    }

    private static Type? ElementType(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        if (t.IsGenericType)
        {
            var def = t.GetGenericTypeDefinition();
            if (def == typeof(List<>) || def == typeof(IReadOnlyList<>) || def == typeof(IList<>) || def == typeof(IEnumerable<>)
                || def == typeof(IReadOnlyCollection<>) || def == typeof(ICollection<>))
                return t.GetGenericArguments()[0];
        }
        return null;
    }

    private static Type? DictionaryValueType(Type t)
    {
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        if ((def == typeof(Dictionary<,>) || def == typeof(IReadOnlyDictionary<,>) || def == typeof(IDictionary<,>))
            && t.GetGenericArguments()[0] == typeof(string))
            return t.GetGenericArguments()[1];
        return null;
    }

    private static string Describe(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (ElementType(t) is { } e) return $"list of {Describe(e)}";
        if (DictionaryValueType(t) is { } v) return $"map of {Describe(v)}";
        if (t.IsEnum) return string.Join("|", Enum.GetNames(t).Select(ToSnake));
        return t == typeof(string) ? "string" : t == typeof(bool) ? "bool" : t == typeof(double) || t == typeof(float) ? "number"
            : t == typeof(int) || t == typeof(long) || t == typeof(ulong) ? "integer" : t.Name;
    }

    public static string ToPascal(string snake)
    {
        var sb = new StringBuilder(snake.Length);
        bool upper = true;
        foreach (var c in snake)
        {
            if (c is '_' or '-') { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }

    public static string ToSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c))
            {
                bool boundary = i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])
                    || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1])));
                if (boundary) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
