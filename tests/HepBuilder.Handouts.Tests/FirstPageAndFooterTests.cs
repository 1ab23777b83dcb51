using HepBuilder.Handouts.Document;

namespace HepBuilder.Handouts.Tests;

/// <summary>What page 1 and every footer promise the patient: a link they can scan or type, the clinic's own line, and no empty labels.</summary>
public class FirstPageAndFooterTests
{
    [Fact]
    public void The_link_is_printed_under_the_qr_code_as_an_address_to_type()
    {
        var model = Models.Sample() with { QrUrl = "https://clinic.example.org/p/Ab-_cdEFgh12345678ijkL?v=2" };
        var page1 = PdfText.Read(HandoutRenderer.RenderPdf(model)).Pages[0];

        Assert.Contains("Scan or type this address: clinic.example.org/p/Ab-_cdEFgh12345678ijkL", page1);
        Assert.DoesNotContain("?v=2", page1);
        Assert.DoesNotContain("https://", page1);
    }

    [Theory]
    [InlineData("https://hep.example/p/TOKEN?v=3", "hep.example/p/TOKEN")]
    [InlineData("http://localhost:5080/p/TOKEN?v=1", "localhost:5080/p/TOKEN")]
    [InlineData("https://hep.example:443/base/p/TOKEN#top", "hep.example/base/p/TOKEN")]
    [InlineData("not a url", "not a url")]
    public void The_typed_address_drops_only_what_a_browser_does_not_need(string url, string typed) =>
        Assert.Equal(typed, QrCode.TypedAddress(url));

    [Fact]
    public void Without_a_link_there_is_no_qr_code_and_no_address()
    {
        var page1 = PdfText.Read(HandoutRenderer.RenderPdf(Models.Sample(2) with { QrUrl = "" })).Pages[0];

        Assert.DoesNotContain("Scan or type", page1);
        Assert.DoesNotContain("ON YOUR PHONE", page1);
    }

    [Fact]
    public void Page_one_promises_only_what_the_phone_page_has()
    {
        var page1 = PdfText.Read(HandoutRenderer.RenderPdf(Models.Sample())).Pages[0];

        Assert.DoesNotContain("video", page1, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("See your exercises and tick them off each day.", page1);
    }

    [Fact]
    public void The_clinic_footer_text_is_printed_on_every_page()
    {
        var model = Models.Sample() with { Clinic = Models.Sample().Clinic with { FooterText = "Open Monday to Friday, 8 am to 5 pm." } };
        var text = PdfText.Read(HandoutRenderer.RenderPdf(model));

        Assert.All(text.Pages, p => Assert.Contains("Riverside Spine & Physical Therapy · Open Monday to Friday, 8 am to 5 pm.", p));
    }

    [Fact]
    public void Without_a_clinic_phone_no_label_or_sentence_is_left_dangling()
    {
        foreach (var options in new[] { new HandoutOptions(), new HandoutOptions { LargePrint = true } })
        {
            var model = Models.Sample(2, options) with { Clinic = Models.Sample().Clinic with { Phone = "  " } };
            var text = PdfText.Read(HandoutRenderer.RenderPdf(model));

            Assert.DoesNotContain("Phone", text.Pages[0]);
            Assert.DoesNotMatch("Call\\s*(\\.|$|Page|Riverside)", text.All);
            Assert.Contains("Call us today if you have", text.Pages[0]);
            Assert.Contains("Call 911 or go to the ER now if you have", text.Pages[0]);
            Assert.All(text.Pages, p => Assert.Contains("Questions? Ask Riverside Spine & Physical Therapy", p));
        }
    }

    [Fact]
    public void With_a_clinic_phone_page_one_and_every_footer_give_the_number()
    {
        var text = PdfText.Read(HandoutRenderer.RenderPdf(Models.Sample(2)));

        Assert.Contains("Phone (555) 010-4477", text.Pages[0]);
        Assert.Contains("Call (555) 010-4477 today if you have", text.Pages[0]);
        Assert.All(text.Pages, p => Assert.Contains("Questions? Call (555) 010-4477", p));
    }
}
