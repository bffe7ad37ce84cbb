import type { ArticleSideMaterial } from "../schema";

/**
 * The World Mayor article "US sanctuary cities" of 24 April 2017, as
 * published, with obvious typos corrected and listed in CORRECTIONS. City
 * names in the text link to their profiles.
 */
export const ARTICLE_SLUG = "us-sanctuary-cities";

export const SEED_ARTICLE = {
  slug: ARTICLE_SLUG,
  title: "US sanctuary cities",
  headline: "Sanctuary cities pledge to continue to protect undocumented immigrants",
  publishedOn: "2017-04-24",
  sourceName: "World Mayor",
  sourceUrl: "http://citymayors.com/society/sanctuary-cities.html",
  quotesHeading: "Mayors of largest US cities stand by immigrants",
  introMarkdown: [
    "**24 April 2017:** The US Justice Department recently sent out letters to nine so-called Sanctuary Cities, including [New York](/cities/new-york-ny), [Chicago](/cities/chicago-il), [New Orleans](/cities/new-orleans-la) and [Philadelphia](/cities/philadelphia-pa), warning them of the withdrawal of federal funding unless they publicly participated in finding and deporting undocumented immigrants. Sanctuary cities in the US offer a degree of safety to immigrants without work or residency permits. Leaders of sanctuary cities want to reduce the fear of deportation and possible family break-up, so that such residents will be more willing to report crimes, use health and social services, and enrol their children in school.",
    "Municipal policies include prohibiting police or city employees from questioning people about their immigration status and refusing requests by federal immigration authorities to detain people beyond their release date, if they were jailed for breaking local law. There are more than 140 sanctuary cities or counties in the US, including large cities such as [San Francisco](/cities/san-francisco-ca), [New York](/cities/new-york-ny), [Chicago](/cities/chicago-il), [Seattle](/cities/seattle-wa) and [Los Angeles](/cities/los-angeles-ca).",
    "However, the Donald Trump administration argues that sanctuary cities hide and protect immigrants with criminal records. US Attorney General Jeff Sessions said when cities and states refused to enforce immigration laws, America was less safe. “Failure to deport aliens who are convicted of criminal offences puts whole communities at risk, especially immigrant communities in the very sanctuary jurisdictions that seek to protect the perpetrators.”",
    "With the exception of a few smaller sanctuary communities, US cities have so far rejected the Trump government’s ‘threat’. [Milwaukee County](/cities/milwaukee-county-wi) Supervisor Marina Dimitrijevic said they would not give in to these threats and promised to go to court if any funding was withdrawn, while mayors of some of the USA’s largest cities have publicly stated that they would not be bullied by the federal government.",
  ].join("\n\n"),
  sideMaterial: {
    onThisPage: [
      "Sanctuary cities confront Trump",
      "Mayors of largest US cities stand by immigrants",
    ],
    relatedSections: [
      { heading: "About World Mayor", items: ["About us"] },
      {
        heading: "Mayors and politics",
        items: [
          "US mayors reject Trumpcare",
          "US mayors defy Trump over Paris Accord",
          "US sanctuary cities",
          "World Mayors and politics",
          "Illegal immigrants",
          "Racial profiling",
        ],
      },
      {
        heading: "Mayors by country",
        items: [
          "Belgian Mayors (2016)",
          "British Mayors (2017)",
          "Canadian Mayors (2016)",
          "French Mayors (2016)",
          "German mayors (2017)",
          "Italian mayors (2016)",
          "Japanese mayors (2017)",
          "Polish mayors (2016)",
          "Spanish mayors (2016)",
          "US mayors (2017)",
        ],
      },
    ],
    honours: {
      title: "The 2016 World Mayor Honours",
      entries: [
        { rank: 1, name: "Bart Somers", place: "Mechelen, Belgium" },
        { rank: 2, name: "Wolfgang G Müller", place: "Lahr, Germany" },
        { rank: 3, name: "Georgios Kaminis", place: "Athens, Greece" },
        { rank: 4, name: "Giusi Nicolini", place: "Lampedusa, Italy" },
        { rank: 5, name: "Richard Arnold", place: "Schwäbisch Gmünd, Germany" },
        { rank: 6, name: "Mirjam van 't Veld", place: "Amstelveen, Netherlands" },
        { rank: 7, name: "Spiros Galinos", place: "Lesbos, Greece" },
        { rank: 8, name: "Paweł Adamowicz", place: "Gdansk, Poland" },
        { rank: 9, name: "Damien Carême", place: "Grande-Synthe, France" },
        { rank: 10, name: "Henriette Reker", place: "Cologne, Germany" },
      ],
    },
  } satisfies ArticleSideMaterial,
};

export type SeedQuote = {
  text: string;
  attribution: string;
  /** The place heading printed above the quote, or null where the source left the city out. */
  sourceHeading: string | null;
  speakers: { slug: string; name: string }[];
};

export const SEED_QUOTES: SeedQuote[] = [
  {
    sourceHeading: "New York City",
    attribution: "Mayor Bill de Blasio",
    speakers: [{ slug: "new-york-ny", name: "Bill de Blasio" }],
    text: "We’re going to defend all of our people regardless of where they come from, regardless of their immigration status.",
  },
  {
    sourceHeading: null,
    attribution: "Mayor Rahm Emanuel",
    speakers: [{ slug: "chicago-il", name: "Rahm Emanuel" }],
    text: "I want to be clear: We’re going to stay a sanctuary city. There is no stranger among us. Whether you’re from Poland or Pakistan, whether you’re from Ireland or India or Israel and whether you’re from Mexico or Moldova, where my grandfather came from, you are welcome in Chicago as you pursue the American dream.",
  },
  {
    sourceHeading: "Los Angeles",
    attribution: "Mayor Eric Garcetti",
    speakers: [{ slug: "los-angeles-ca", name: "Eric Garcetti" }],
    text: "What we don’t do is ask local police officers to enforce federal immigration laws - and that’s an official Los Angeles Police Department policy that has been enforced for nearly 40 years. That is for everyone’s good, because trust between police and the people they serve is absolutely essential to effective law enforcement.",
  },
  {
    sourceHeading: "Washington DC",
    attribution: "Mayor Muriel Bowser",
    speakers: [{ slug: "washington-dc", name: "Muriel Bowser" }],
    text: "Our city and our values did not change on Election Day in November 2016. Being a sanctuary city means we are not an agent of the federal government. It means that our police can focus on serving D.C. residents - protecting and serving them - no matter their immigration status.",
  },
  {
    sourceHeading: null,
    attribution: "Mayor Martin Walsh",
    speakers: [{ slug: "boston-ma", name: "Martin Walsh" }],
    text: "To anyone who feels threatened today, or vulnerable, you are safe in Boston. We will do everything lawful in our power to protect you. If necessary, we will use City Hall itself to shelter and protect anyone who’s targeted unjustly.",
  },
  {
    sourceHeading: null,
    attribution: "Mayor Ed Murray",
    speakers: [{ slug: "seattle-wa", name: "Ed Murray" }],
    text: "This city will not be bullied by this administration. We believe we have the rule of law and the courts on our side.",
  },
  {
    sourceHeading: null,
    attribution: "Mayor Catherine Pugh",
    speakers: [{ slug: "baltimore-md", name: "Catherine Pugh" }],
    text: "We don’t walk around asking people where they’re from. That’s just not our policy. We don’t do that. What we want is to help people become productive members of our community. We’re a welcoming city. We want everybody here. We want to provide opportunities and jobs and careers for folks.",
  },
  {
    sourceHeading: null,
    attribution: "Mayor Michael Hancock",
    speakers: [{ slug: "denver-co", name: "Michael Hancock" }],
    text: "We will value residents in this city. We won’t take any unlawful or unconstitutional acts against residents of the city of Denver. It is our goal to make sure people in the city feel safe and know that this is a city that’s open, welcoming and inclusive.",
  },
  {
    sourceHeading: null,
    attribution: "Mayor Suzanne Jones",
    speakers: [{ slug: "boulder-co", name: "Suzanne Jones" }],
    text: "We are not going to violate immigrants’ constitutional rights just because the new president wants us to. And we stand behind our ordinance.",
  },
  {
    sourceHeading: "San Francisco, Oakland and San Jose",
    attribution: "Mayors Ed Lee, Libby Schaaf and Sam Liccardo",
    speakers: [
      { slug: "san-francisco-ca", name: "Ed Lee" },
      { slug: "oakland-ca", name: "Libby Schaaf" },
      { slug: "san-jose-ca", name: "Sam Liccardo" },
    ],
    text: "We will not give in to threats, or political grandstanding. Together, the Bay Area will stay true to our values of inclusiveness, compassion and equality, and united against any and all efforts to divide our residents, our cities, and our country.",
  },
];

export const SEED_CORRECTIONS = [
  { original: "sent our letters", corrected: "sent out letters", note: "Typo in the source." },
  { original: "publically participated", corrected: "publicly participated", note: "Spelling." },
  {
    original: "Jess Sessions",
    corrected: "Jeff Sessions",
    note: "The US Attorney General in April 2017 was Jeff Sessions.",
  },
  { original: "immigrations laws", corrected: "immigration laws", note: "Typo in the source." },
  { original: "have publically stated", corrected: "have publicly stated", note: "Spelling." },
  {
    original: "Guisi Nicolini",
    corrected: "Giusi Nicolini",
    note: "The Mayor of Lampedusa's first name is Giusi.",
  },
  {
    original: "Richard Arnold, Schwäbisch Gmünd,",
    corrected: "Richard Arnold, Schwäbisch Gmünd, Germany",
    note: "The source left out the country.",
  },
  {
    original: "Mirjam van 't Veld, Amstelveen Netherlands",
    corrected: "Mirjam van 't Veld, Amstelveen, Netherlands",
    note: "Missing comma.",
  },
  {
    original: "Pavel Adamowicz",
    corrected: "Paweł Adamowicz",
    note: "The Mayor of Gdansk's first name is Paweł.",
  },
];
