/** The 15 places of the article, as the public contract names them. */
export const CITY_SLUGS = [
  "new-york-ny",
  "chicago-il",
  "los-angeles-ca",
  "washington-dc",
  "boston-ma",
  "seattle-wa",
  "baltimore-md",
  "denver-co",
  "boulder-co",
  "san-francisco-ca",
  "oakland-ca",
  "san-jose-ca",
  "new-orleans-la",
  "philadelphia-pa",
  "milwaukee-county-wi",
] as const;

/** Each quote of the article (a fragment), its attribution and the cities it must link to. */
export const ARTICLE_QUOTES: { fragment: string; attribution: string; cities: string[] }[] = [
  {
    fragment: "defend all of our people",
    attribution: "Mayor Bill de Blasio",
    cities: ["new-york-ny"],
  },
  {
    fragment: "There is no stranger among us",
    attribution: "Mayor Rahm Emanuel",
    cities: ["chicago-il"],
  },
  {
    fragment: "ask local police officers to enforce",
    attribution: "Mayor Eric Garcetti",
    cities: ["los-angeles-ca"],
  },
  {
    fragment: "not an agent of the federal government",
    attribution: "Mayor Muriel Bowser",
    cities: ["washington-dc"],
  },
  { fragment: "you are safe in Boston", attribution: "Mayor Martin Walsh", cities: ["boston-ma"] },
  {
    fragment: "will not be bullied by this administration",
    attribution: "Mayor Ed Murray",
    cities: ["seattle-wa"],
  },
  {
    fragment: "asking people where they’re from",
    attribution: "Mayor Catherine Pugh",
    cities: ["baltimore-md"],
  },
  {
    fragment: "residents of the city of Denver",
    attribution: "Mayor Michael Hancock",
    cities: ["denver-co"],
  },
  {
    fragment: "we stand behind our ordinance",
    attribution: "Mayor Suzanne Jones",
    cities: ["boulder-co"],
  },
  {
    fragment: "the Bay Area will stay true",
    attribution: "Mayors Ed Lee, Libby Schaaf and Sam Liccardo",
    cities: ["san-francisco-ca", "oakland-ca", "san-jose-ca"],
  },
];
