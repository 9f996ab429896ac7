using Assay.Curation.Pii;

namespace Assay.Curation.Tests.Pii;

public sealed class PiiRedactionTests
{
    private static readonly PiiOptions All = new();

    private static string Redact(string text)
    {
        var matches = new List<PiiMatch>();
        PiiScanner.Find(text, All, matches);
        return PiiScanner.Redact(text, matches);
    }

    [Theory]
    [InlineData("Write to jane.doe+news@example.co.uk today.", "Write to |||EMAIL_ADDRESS||| today.")]
    [InlineData("<a href=\"mailto:bob_99@mail.example.org\">", "<a href=\"mailto:|||EMAIL_ADDRESS|||\">")]
    [InlineData("(contact: x@y.io).", "(contact: |||EMAIL_ADDRESS|||).")]
    [InlineData("Two: a@b.com, c@d.net", "Two: |||EMAIL_ADDRESS|||, |||EMAIL_ADDRESS|||")]
    public void Emails(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("@handle on twitter")]
    [InlineData("meet @ 5pm")]
    [InlineData("user@localhost")]
    [InlineData("name@domain.c")]
    [InlineData("foo@bar.123")]
    public void NotEmails(string text) => Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("Server at 192.168.1.20 is down.", "Server at |||IP_ADDRESS||| is down.")]
    [InlineData("from 8.8.8.8:53", "from |||IP_ADDRESS|||:53")]
    [InlineData("IPs 10.0.0.1,10.0.0.2", "IPs |||IP_ADDRESS|||,|||IP_ADDRESS|||")]
    [InlineData("Addr 2001:0db8:85a3:0000:0000:8a2e:0370:7334 ok", "Addr |||IP_ADDRESS||| ok")]
    [InlineData("link-local fe80::1ff:fe23:4567:890a here", "link-local |||IP_ADDRESS||| here")]
    [InlineData("docs 2001:db8::8a2e:370:7334.", "docs |||IP_ADDRESS|||.")]
    [InlineData("mapped ::ffff:192.0.2.128 x", "mapped |||IP_ADDRESS||| x")]
    public void IpAddresses(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Released version 1.2.3.4 today")]      // version strings named as such are spared
    [InlineData("Upgrade to v2.10.3.1 now")]
    [InlineData("build 4.0.30319.42000")]
    [InlineData("Octets out of range 256.1.1.1")]
    [InlineData("Five parts 1.2.3.4.5 is not an address")]
    [InlineData("Section 3.1.4 of the spec")]
    [InlineData("Meeting at 12:30:45 sharp")]
    [InlineData("MAC 00:1A:2B:3C:4D:5E")]
    [InlineData("C++ uses std::vector and a::b")]
    [InlineData("Ratio 3:2 and 16:9")]
    public void NotIpAddresses(string text) => Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("Call (212) 555-1234 now", "Call |||PHONE_NUMBER||| now")]
    [InlineData("Call 212-555-1234.", "Call |||PHONE_NUMBER|||.")]
    [InlineData("Call 212.555.1234", "Call |||PHONE_NUMBER|||")]
    [InlineData("Call +1 212 555 1234", "Call |||PHONE_NUMBER|||")]
    [InlineData("Toll free 1-800-555-0199!", "Toll free |||PHONE_NUMBER|||!")]
    [InlineData("UK +44 20 7946 0958 office", "UK |||PHONE_NUMBER||| office")]
    [InlineData("FR +33 (0)1 23 45 67 89", "FR |||PHONE_NUMBER|||")]
    [InlineData("DE +49-30-1234567", "DE |||PHONE_NUMBER|||")]
    [InlineData("E164 +14155552671.", "E164 |||PHONE_NUMBER|||.")]
    public void Phones(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Order 2125551234 shipped")]          // a plain digit run is not assumed to be a phone
    [InlineData("On 2023-10-15 we met")]              // ISO date
    [InlineData("Dates 10/15/2023 and 15.10.2023")]
    [InlineData("It costs $1,234,567.89 total")]      // price
    [InlineData("Price 555.99 and 1234.5678")]
    [InlineData("Population 331,449,281 people")]
    [InlineData("Score +5 points and +12 more")]
    [InlineData("Area code 123-456-7890 is invalid")] // NANP area codes start 2-9
    [InlineData("SSN-like 123-45-6789")]
    [InlineData("ISBN 978-3-16-148410-0")]
    [InlineData("Time 2023-10-15T12:30:45Z")]
    public void NotPhones(string text) => Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("Visa 4111 1111 1111 1111 ok", "Visa |||CREDIT_CARD||| ok")]
    [InlineData("MC 5555-5555-5555-4444.", "MC |||CREDIT_CARD|||.")]
    [InlineData("Amex 3782 822463 10005", "Amex |||CREDIT_CARD|||")]
    [InlineData("Plain 4012888888881881 end", "Plain |||CREDIT_CARD||| end")]
    [InlineData("Discover 6011111111111117", "Discover |||CREDIT_CARD|||")]
    public void CreditCards(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Not Luhn 4111 1111 1111 1112")]
    [InlineData("Bad grouping 41 1111 1111 1111 11")]
    [InlineData("Too short 4111111111")]
    [InlineData("Starts with 9: 9111111111111111")]     // no major network starts with 9 (valid Luhn)
    [InlineData("Longer run 41111111111111111111111")]
    public void NotCreditCards(string text) => Assert.Equal(text, Redact(text));

    [Fact]
    public void StepCountsKindsAndReplacedChars()
    {
        const string text = "Mail a@b.com or call (212) 555-1234 from 10.0.0.1, card 4111 1111 1111 1111.";
        var record = new Record("d", text);
        long changed = new PiiRedaction(All).Rewrite(record);
        Assert.Equal("Mail |||EMAIL_ADDRESS||| or call |||PHONE_NUMBER||| from |||IP_ADDRESS|||, card |||CREDIT_CARD|||.", record.Text);
        Assert.Equal("a@b.com".Length + "(212) 555-1234".Length + "10.0.0.1".Length + "4111 1111 1111 1111".Length, changed);
        foreach (var (name, count) in new[] { ("email", 1), ("phone", 1), ("ip_address", 1), ("credit_card", 1) })
            Assert.Equal(count, record.Meta["signals"]!["pii"]![name]!.GetValue<double>());
    }

    [Fact]
    public void CleanTextIsUntouchedAndRedactionIsIdempotent()
    {
        const string clean = "Nothing personal here, just 3 apples and 2023 memories.";
        var record = new Record("d", clean);
        Assert.Equal(0, new PiiRedaction(All).Rewrite(record));
        Assert.Same(clean, record.Text);

        var once = new Record("d", "x@y.com 8.8.8.8");
        new PiiRedaction(All).Rewrite(once);
        string first = once.Text;
        Assert.Equal(0, new PiiRedaction(All).Rewrite(once));
        Assert.Equal(first, once.Text);
    }

    [Fact]
    public void KindsCanBeSwitchedOff()
    {
        var emailsOnly = new PiiOptions { Phones = false, IpAddresses = false, CreditCards = false };
        var matches = new List<PiiMatch>();
        PiiScanner.Find("a@b.com 8.8.8.8 (212) 555-1234", emailsOnly, matches);
        Assert.Equal([PiiKind.Email], matches.Select(m => m.Kind));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    [InlineData("0", true)]
    public void LuhnCheck(string number, bool valid) => Assert.Equal(valid, Luhn.IsValid(number));
}
