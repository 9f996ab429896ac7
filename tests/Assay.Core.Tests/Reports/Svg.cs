using System.Xml.Linq;

namespace Assay.Core.Tests.Reports;

/// <summary>Parses chart output strictly as XML and finds elements by class.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Parse(string svg)
    {
        var root = XElement.Parse(svg);
        Assert.Equal(Ns + "svg", root.Name);
        return root;
    }

    public static List<XElement> ByClass(XElement root, string cssClass) =>
        [.. root.Descendants().Where(e => (string?)e.Attribute("class") == cssClass)];

    public static string Title(XElement root) => root.Element(Ns + "title")!.Value;

    public static double Attr(XElement e, string name) =>
        double.Parse((string)e.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
}
