using HepBuilder.Data.Entities;
using HepBuilder.Tests.Infrastructure;
using static HepBuilder.Tests.Pages.Patients.PatientForms;

namespace HepBuilder.Tests.Pages.Patients;

public sealed class PatientSearchTests(AppFixture app) : AppTest(app)
{
    private async Task<AppClient> TwoPatientsAsync()
    {
        var (client, _) = await ClinicianAsync(App);
        await CreateAsync(client, Fields("Margaret", "Johnson", "1957-03-14", "A-10042"));
        await CreateAsync(client, Fields("Peter", "Smith", "1960-01-01", "B-20001"));
        return client;
    }

    [Theory]
    [InlineData("Jonson")]   // a letter missing
    [InlineData("johnsen")]  // a wrong letter, lower case
    [InlineData("marg")]     // part of the first name
    [InlineData("Margaret Johnson")]
    public async Task Name_search_tolerates_typos_and_partial_names(string query)
    {
        using var client = await TwoPatientsAsync();
        var html = await client.GetPageAsync("/Patients?q=" + Uri.EscapeDataString(query));
        Assert.Contains("Johnson, Margaret", html);
        Assert.DoesNotContain("Smith, Peter", html);
    }

    [Theory]
    [InlineData("A-10042")]
    [InlineData("a-10042")]
    public async Task Mrn_search_finds_the_patient(string query)
    {
        using var client = await TwoPatientsAsync();
        var html = await client.GetPageAsync("/Patients?q=" + Uri.EscapeDataString(query));
        Assert.Contains("Johnson, Margaret", html);
        Assert.DoesNotContain("Smith, Peter", html);
    }

    [Theory]
    [InlineData("1957-03-14")]
    [InlineData("03/14/1957")]
    [InlineData("3/14/1957")]
    public async Task Date_of_birth_search_accepts_iso_and_us_dates(string query)
    {
        using var client = await TwoPatientsAsync();
        var html = await client.GetPageAsync("/Patients?q=" + Uri.EscapeDataString(query));
        Assert.Contains("Johnson, Margaret", html);
        Assert.DoesNotContain("Smith, Peter", html);
    }

    [Fact]
    public async Task No_match_says_what_to_try_next()
    {
        using var client = await TwoPatientsAsync();
        var html = await client.GetPageAsync("/Patients?q=Zzyzx");
        Assert.Contains("No patient matches “Zzyzx”", html);
        Assert.Contains("href=\"/Patients/New\"", html);
    }

    [Fact]
    public async Task The_list_is_paged_twenty_at_a_time()
    {
        var (client, user) = await ClinicianAsync(App);
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < 25; i++)
            {
                db.Patients.Add(new Patient { ClinicId = user.ClinicId, FirstName = "Pat", LastName = $"Person{i:00}", DateOfBirth = new DateOnly(1970, 1, 1) });
            }
            return await db.SaveChangesAsync();
        }, user.ClinicId);

        var first = await client.GetPageAsync("/Patients");
        var second = await client.GetPageAsync("/Patients?p=2");
        Assert.Contains("Page 1 of 2", first);
        Assert.Contains("Person19, Pat", first);
        Assert.DoesNotContain("Person20, Pat", first);
        Assert.Contains("Person24, Pat", second);
        Assert.DoesNotContain("Person00, Pat", second);
        Assert.Contains("href=\"/Patients?p=2\"", first);
        client.Dispose();
    }
}
