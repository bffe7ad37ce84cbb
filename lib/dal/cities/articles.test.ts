import { describe, expect, it } from "vitest";
import { getArticle } from "./articles";

// What the World Mayor article of 24 April 2017 must show: every quote with
// the city of each speaker (six of them are not named in the source).
const EXPECTED_QUOTES: [string, string[]][] = [
  ["We’re going to defend all of our people", ["new-york-ny"]],
  ["There is no stranger among us", ["chicago-il"]],
  ["official Los Angeles Police Department policy", ["los-angeles-ca"]],
  ["we are not an agent of the federal government", ["washington-dc"]],
  ["you are safe in Boston", ["boston-ma"]],
  ["This city will not be bullied by this administration", ["seattle-wa"]],
  ["We don’t walk around asking people where they’re from", ["baltimore-md"]],
  ["residents of the city of Denver", ["denver-co"]],
  ["we stand behind our ordinance", ["boulder-co"]],
  ["the Bay Area will stay true to our values", ["san-francisco-ca", "oakland-ca", "san-jose-ca"]],
];

describe("getArticle", () => {
  it("returns the article with its date, source and full text", async () => {
    const article = await getArticle("us-sanctuary-cities");
    expect(article).not.toBeNull();
    expect(article!.title).toBe("US sanctuary cities");
    expect(article!.headline).toBe(
      "Sanctuary cities pledge to continue to protect undocumented immigrants",
    );
    expect(article!.publishedOn).toBe("2017-04-24");
    expect(article!.sourceName).toBe("World Mayor");
    for (const sentence of [
      "sent out letters to nine so-called Sanctuary Cities",
      "There are more than 140 sanctuary cities or counties in the US",
      "US Attorney General Jeff Sessions said",
      "Failure to deport aliens who are convicted of criminal offences",
      "Supervisor Marina Dimitrijevic said they would not give in to these threats",
      "would not be bullied by the federal government.",
    ]) {
      expect(article!.introMarkdown).toContain(sentence);
    }
  });

  it("attributes every quote to its mayor and links it to the right cities", async () => {
    const article = (await getArticle("us-sanctuary-cities"))!;
    expect(article.quotes).toHaveLength(EXPECTED_QUOTES.length);
    article.quotes.forEach((quote, i) => {
      const [fragment, slugs] = EXPECTED_QUOTES[i]!;
      expect(quote.text).toContain(fragment);
      expect(quote.attribution).toMatch(/^Mayors? /);
      expect(quote.speakers.map((s) => s.slug)).toEqual(slugs);
    });
    const unnamedInSource = article.quotes.filter((q) => q.sourceHeading === null);
    expect(unnamedInSource.map((q) => q.speakers[0]!.slug)).toEqual([
      "chicago-il",
      "boston-ma",
      "seattle-wa",
      "baltimore-md",
      "denver-co",
      "boulder-co",
    ]);
  });

  it("keeps the side material and lists its corrections", async () => {
    const article = (await getArticle("us-sanctuary-cities"))!;
    expect(article.sideMaterial.honours.entries).toHaveLength(10);
    expect(article.sideMaterial.honours.entries[0]).toEqual({
      rank: 1,
      name: "Bart Somers",
      place: "Mechelen, Belgium",
    });
    const related = article.sideMaterial.relatedSections.flatMap((g) => g.items);
    expect(related).toContain("Racial profiling");
    expect(related).toContain("US mayors (2017)");
    expect(article.corrections.map((c) => c.corrected)).toContain("Jeff Sessions");
    // Every correction is applied: the original typo no longer appears in the text.
    for (const c of article.corrections.filter((c) => !c.original.includes(","))) {
      expect(article.introMarkdown).not.toContain(c.original);
    }
  });

  it("returns null for an unknown slug", async () => {
    expect(await getArticle("no-such-article")).toBeNull();
  });
});
