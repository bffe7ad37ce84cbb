// Seed data: the 15 jurisdictions the World Mayor article (24 April 2017) names, with policy facts as of April 2017.
import type { SeedJurisdiction } from "./types";

const DOJ_LETTERS =
  "https://www.justice.gov/opa/pr/justice-department-sends-letters-nine-jurisdictions-requesting-proof-compliance-8-usc-1373";
const ICE_287G = "https://www.ice.gov/287g";
const WIKI_SANCTUARY = "https://en.wikipedia.org/wiki/Sanctuary_city";
const ILRC_MAP = "https://www.ilrc.org/local-enforcement-map";

export const SEED_JURISDICTIONS: SeedJurisdiction[] = [
  {
    slug: "new-york-ny",
    name: "New York City",
    kind: "city",
    state: "NY",
    stateName: "New York",
    population: 8804190,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/newyorkcitynewyork/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Bill de Blasio",
    summary:
      "New York City limits its part in federal immigration enforcement. Executive Order 41 (2003) stops police and city workers from asking about or disclosing immigration status except in narrow cases, and two 2014 laws let the police and the Department of Correction honor ICE detainers only with a judicial warrant for people with a recent violent or serious felony conviction. The 2014 laws also ended ICE's office on Rikers Island.",
    articleMention:
      "The article names New York among the sanctuary cities sent Justice Department letters and among the large US sanctuary cities. It quotes Mayor Bill de Blasio pledging to defend all New Yorkers regardless of where they come from or their immigration status.",
    latitude: 40.7128,
    longitude: -74.006,
    facts: {
      sanctuary_status: {
        value: "yes",
        detail:
          "Mayor Bill de Blasio has said New York will remain a sanctuary city; its policies rest on Executive Order 41 (2003) and the detainer laws of 2014.",
        sourceUrl: WIKI_SANCTUARY,
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Under Introductions 486-A and 487-A, signed on 14 November 2014, the NYPD and the Department of Correction hold someone for ICE only if ICE presents a judicial warrant and the person was convicted of a violent or serious felony in the last five years or is a possible terrorist-watch-list match.",
        sourceUrl:
          "https://www.nyc.gov/office-of-the-mayor/news/520-14/mayor-bill-de-blasio-signs-law-bills-dramatically-reduce-new-york-city-s-cooperation-with",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "limited",
        detail:
          "Executive Order 41 (2003) bars city workers and police from disclosing a person's immigration status except in limited cases such as when required by law or when investigating illegal activity; the 2014 laws also limit what the city tells ICE about people in its jails.",
        sourceUrl: "http://www.nyc.gov/html/imm/html/eoll/eo41.shtml",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "Executive Order 41 bars police from asking the status of victims, witnesses and others seeking help, and from asking anyone unless investigating illegal activity other than mere undocumented status; city workers may ask only when needed to decide eligibility for a service or when required by law.",
        sourceUrl: "http://www.nyc.gov/html/imm/html/eoll/eo41.shtml",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "restricted",
        detail:
          "The city runs its own jails (Department of Correction, including Rikers Island). The 2014 laws ended ICE's presence at Rikers Island and other city facilities for civil immigration enforcement; transfers to ICE are limited to people who meet the warrant and conviction criteria.",
        sourceUrl:
          "https://www.nyc.gov/office-of-the-mayor/news/520-14/mayor-bill-de-blasio-signs-law-bills-dramatically-reduce-new-york-city-s-cooperation-with",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail:
          "Neither the NYPD nor the Department of Correction had a 287(g) agreement with ICE.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "DOJ letter of 21 April 2017 demanding proof of compliance with 8 U.S.C. 1373 for Byrne JAG grants.",
        detail:
          "New York City was one of nine jurisdictions the Justice Department told to document, by 30 June 2017, that it complies with 8 U.S.C. 1373 or risk its Byrne JAG funding.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
  {
    slug: "chicago-il",
    name: "Chicago",
    kind: "city",
    state: "IL",
    stateName: "Illinois",
    population: 2746388,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/chicagocityillinois/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Rahm Emanuel",
    summary:
      "Chicago's Welcoming City Ordinance (2006, expanded in 2012) bars city agencies and police from asking about or disclosing immigration status and from holding people on ICE detainers. Exceptions cover people with an outstanding criminal warrant, a felony conviction or pending felony charge, or an entry in the police gang database. The city runs no jail; Cook County's sheriff runs the county jail.",
    articleMention:
      "The article names Chicago among the sanctuary cities sent Justice Department letters and among the large US sanctuary cities. It quotes Mayor Rahm Emanuel saying Chicago will stay a sanctuary city and that immigrants from anywhere are welcome there.",
    latitude: 41.8781,
    longitude: -87.6298,
    facts: {
      sanctuary_status: {
        value: "yes",
        detail:
          "The city's law is called the Welcoming City Ordinance, but Mayor Rahm Emanuel has said plainly that Chicago will stay a sanctuary city.",
        sourceUrl: WIKI_SANCTUARY,
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "The Welcoming City Ordinance bars holding people solely on ICE detainers, except for people with an outstanding criminal warrant, a felony conviction, a pending felony charge, or an entry in the police gang database.",
        sourceUrl:
          "https://www.chicagotribune.com/politics/ct-welcoming-city-close-exceptions-20190725-kz4muttomvb6lmxxl2dih67lay-story.html",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "limited",
        detail:
          "The ordinance limits city agencies and police from disclosing immigration status to ICE; the same four exceptions (criminal warrant, felony conviction or charge, gang database) allowed information to be given to ICE.",
        sourceUrl:
          "https://www.chicagotribune.com/politics/ct-welcoming-city-close-exceptions-20190725-kz4muttomvb6lmxxl2dih67lay-story.html",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "The Welcoming City Ordinance (Chapter 2-173 of the Municipal Code) prohibits city agencies and police from asking about a person's immigration status.",
        sourceUrl:
          "https://thetriibe.com/2020/02/mayor-lightfoot-boosts-protection-for-immigrants-but-collaboration-between-chicago-police-and-ice-continues-in-criminal-cases/",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "no_local_jail",
        detail:
          "The city runs no jail: the Cook County Sheriff runs the Cook County Jail. For people in Chicago police lockups, the ordinance limits ICE access except under its exceptions.",
        sourceUrl: "https://en.wikipedia.org/wiki/Cook_County_Jail",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail: "The Chicago Police Department had no 287(g) agreement with ICE.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "DOJ letter of 21 April 2017 demanding proof of compliance with 8 U.S.C. 1373 for Byrne JAG grants.",
        detail:
          "Chicago was one of nine jurisdictions the Justice Department told to document, by 30 June 2017, that it complies with 8 U.S.C. 1373 or risk its Byrne JAG funding; Cook County received a separate letter.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
  {
    slug: "los-angeles-ca",
    name: "Los Angeles",
    kind: "city",
    state: "CA",
    stateName: "California",
    population: 3898747,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/losangelescitycalifornia/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Eric Garcetti",
    summary:
      "Los Angeles had no sanctuary ordinance in 2017; its main policy is LAPD Special Order 40 (1979), which bars officers from starting police action to find out a person's immigration status. Since July 2014 the LAPD has honored ICE detainers only with a judicial finding of probable cause or a judge's warrant. California's TRUST Act (2014) also limits immigration holds statewide.",
    articleMention:
      "The article lists Los Angeles among the large US sanctuary cities and quotes Mayor Eric Garcetti: the LAPD does not enforce federal immigration law, a policy in force for nearly 40 years, because trust between police and residents is essential.",
    latitude: 34.0522,
    longitude: -118.2437,
    facts: {
      sanctuary_status: {
        value: "unofficial",
        detail:
          "Los Angeles had not formally declared itself a sanctuary city as of April 2017; its limits on immigration enforcement come from LAPD Special Order 40 (1979) and LAPD detainer rules.",
        sourceUrl:
          "http://wavenewspapers.com/police-commission-holds-hearing-immigration-policies/",
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Since 7 July 2014 the LAPD holds people on ICE detainers only with a judicial determination of probable cause or a warrant from a judicial officer; a December 2016 LAPD notice kept that rule.",
        sourceUrl:
          "https://www.latimes.com/local/cityhall/la-me-immigration-holds-20140708-story.html",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "unknown",
        detail:
          "Not confirmed: we have not found a city rule as of April 2017 that limits what LAPD tells ICE (for example release dates); California's broader SB 54 limits came only in 2018.",
        sourceUrl: ILRC_MAP,
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "LAPD Special Order 40 (1979) bars officers from initiating police action with the objective of discovering a person's immigration status. It applies to the police, not to all city staff.",
        sourceUrl:
          "http://wavenewspapers.com/police-commission-holds-hearing-immigration-policies/",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "unknown",
        detail:
          "The LAPD runs its own jails for arrestees (Custody Services Division), while longer-term county jails are run by the Los Angeles County Sheriff. We have not confirmed the rules on ICE access to LAPD jails as of April 2017.",
        sourceUrl:
          "https://www.latimes.com/local/cityhall/la-me-immigration-holds-20140708-story.html",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail: "The LAPD had no 287(g) agreement with ICE.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "None addressed to the city as of April 2017; the State of California was among the nine recipients of the DOJ letter of 21 April 2017 on 8 U.S.C. 1373 compliance.",
        detail:
          "The 21 April 2017 letters went to California, not to the City of Los Angeles; the city faced only the general funding threat of Executive Order 13768 (25 January 2017).",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
  {
    slug: "washington-dc",
    name: "Washington",
    kind: "city",
    state: "DC",
    stateName: "District of Columbia",
    population: 689545,
    populationYear: 2020,
    populationSourceUrl: "https://www.census.gov/quickfacts/fact/table/DC/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Muriel Bowser",
    summary:
      "Washington, DC, calls itself a sanctuary city; Mayor Muriel Bowser reaffirmed that status in January 2017. A 2011 Mayor's Order bars District public-safety officers from asking about immigration status and limits its disclosure, and a 2012 law limits when the DC jail honors ICE detainers. The jail still notified ICE of some releases and let ICE agents in to pick people up.",
    articleMention:
      "The article quotes Mayor Muriel Bowser: the city's values did not change on Election Day, and being a sanctuary city means DC is not an agent of the federal government and its police serve residents whatever their immigration status.",
    latitude: 38.9072,
    longitude: -77.0369,
    facts: {
      sanctuary_status: {
        value: "yes",
        detail:
          "Mayor Muriel Bowser reaffirmed Washington, DC, as a sanctuary city on 25 January 2017, the day Executive Order 13768 was signed.",
        sourceUrl: "http://www.thehoya.com/bowser-reaffirms-dc-as-sanctuary-city/",
        asOf: "2017-01-25",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "The Immigration Detainer Compliance Amendment Act of 2012 lets the Department of Corrections hold people for ICE only if they are adults with convictions for certain violent offenses or homicide; in practice the District generally did not hold people past release.",
        sourceUrl:
          "https://wtop.com/dc/2019/10/dc-council-considers-bill-to-stop-cooperation-with-ice",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "limited",
        detail:
          "An October 2011 Mayor's Order (Mayor Vincent Gray) limits District agencies' disclosure of immigration status. It did not stop the jail from notifying ICE 48 hours before releasing someone with a detainer, which continued until 2019.",
        sourceUrl:
          "https://wtop.com/dc/2019/10/dc-council-considers-bill-to-stop-cooperation-with-ice",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "The October 2011 Mayor's Order bars public-safety officers, including the Metropolitan Police Department, from asking people about their immigration status and from arresting anyone based only on status.",
        sourceUrl:
          "https://www.washingtontimes.com/news/2011/nov/15/new-dc-bill-cuts-time-frame-for-detaining-illegals/",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "allowed",
        detail:
          "The District runs its own jail (Department of Corrections). A 2007 intergovernmental agreement gave ICE access to the DC Jail, and ICE picked people up there until the Council restricted this in 2019.",
        sourceUrl:
          "https://thedcline.org/2019/10/21/an-exceptions-clause-in-dc-councils-emergency-sanctuary-city-bill-gives-ice-access-to-doc-facilities-at-all-times",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail:
          "Neither the Metropolitan Police Department nor the Department of Corrections had a 287(g) agreement.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value: "None recorded as of April 2017.",
        detail:
          "The District was not among the nine recipients of the DOJ letters of 21 April 2017; it faced only the general funding threat of Executive Order 13768.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-24",
      },
    },
  },
  {
    slug: "boston-ma",
    name: "Boston",
    kind: "city",
    state: "MA",
    stateName: "Massachusetts",
    population: 675647,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/bostoncitymassachusetts/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Martin J. Walsh",
    summary:
      "Boston's Trust Act, passed unanimously in 2014, bars Boston police from holding people on civil ICE detainers unless ICE has a criminal warrant. Mayor Martin J. Walsh has called Boston a welcoming city rather than declaring it a sanctuary, while vowing in January 2017 to protect immigrants, even by sheltering them in City Hall. The city runs no jail; the Suffolk County Sheriff does.",
    articleMention:
      "The article quotes Mayor Martin Walsh telling anyone who feels threatened that they are safe in Boston and that, if necessary, the city will use City Hall itself to shelter anyone targeted unjustly.",
    latitude: 42.3601,
    longitude: -71.0589,
    facts: {
      sanctuary_status: {
        value: "unofficial",
        detail:
          "Boston's policy is the Boston Trust Act (2014). In November 2016 Mayor Walsh called Boston a welcoming city but stopped short of declaring it a sanctuary.",
        sourceUrl:
          "http://www.bostonherald.com/news/local_coverage/herald_bulldog/2016/11/walsh_boston_welcoming_but_no_sanctuary_city_plans",
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Under the Boston Trust Act (2014), Boston police do not hold people on civil ICE detainers unless ICE has a criminal warrant.",
        sourceUrl:
          "https://www.bostonmagazine.com/news/2016/11/15/boston-sanctuary-city-trust-act/",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "unknown",
        detail:
          "Not confirmed: explicit limits on Boston police sharing information with ICE were added when the Trust Act was amended in 2019; we have not confirmed what limits applied in April 2017.",
        sourceUrl:
          "https://www.masslive.com/politics/2019/12/boston-city-council-updates-trust-act-clarifies-limits-on-police-cooperation-with-ice.html",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "unknown",
        detail:
          "Not confirmed: an explicit ban on Boston police asking about immigration status was written into the Trust Act only in 2019; we have not confirmed the rule in force in April 2017.",
        sourceUrl:
          "https://bcheights.com/2019/06/15/walsh-files-ordinance-to-amend-boston-trust-act",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "no_local_jail",
        detail:
          "The city runs no jail: the Suffolk County Sheriff runs the Nashua Street Jail and the South Bay House of Correction, where ICE rented beds for detainees from 2003 to 2019.",
        sourceUrl:
          "https://www.bostonglobe.com/metro/2019/10/08/suffolk-sheriff-department-ending-contract-with-ice/XlWGpaT1gPgdSktDNSadVN/story.html",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail: "The Boston Police Department had no 287(g) agreement with ICE.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value: "None recorded as of April 2017.",
        detail:
          "Boston was not among the nine recipients of the DOJ letters of 21 April 2017; it faced only the general funding threat of Executive Order 13768.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-24",
      },
    },
  },
  {
    slug: "seattle-wa",
    name: "Seattle",
    kind: "city",
    state: "WA",
    stateName: "Washington",
    population: 737015,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/seattlecitywashington/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Ed Murray",
    summary:
      "Seattle bars city employees from asking about immigration status, a rule restated in Mayor Ed Murray's November 2016 executive order reaffirming Seattle as a welcoming city; police may ask only with reasonable suspicion of a felony. King County, which runs the jail Seattle uses, has honored ICE holds only with a judicial warrant since 2014. Seattle sued over the President's sanctuary-city executive order on 29 March 2017.",
    articleMention:
      "The article lists Seattle among the large US sanctuary cities and quotes Mayor Ed Murray saying the city will not be bullied by the administration and has the rule of law and the courts on its side.",
    latitude: 47.6062,
    longitude: -122.3321,
    facts: {
      sanctuary_status: {
        value: "yes",
        detail:
          "City documents use the term welcoming city (Seattle declared itself a city of refuge in 1986), but Mayor Ed Murray repeatedly defended Seattle's status as a sanctuary city after the 2016 election.",
        sourceUrl:
          "https://www.capitolhillseattle.com/2016/11/seattle-mayor-signs-7-point-thanksgiving-sanctuary-city-order/",
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Seattle holds no one in a jail of its own; King County, whose jail books Seattle's arrestees, has honored ICE holds only when backed by a federal judicial warrant since Ordinance 17886 of September 2014.",
        sourceUrl: "https://kingcounty.gov/en/legacy/council/news/2014/September/ICEholds.aspx",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "unknown",
        detail:
          "Not confirmed: city policy bars asking about status, but we have not confirmed a Seattle rule in April 2017 limiting what city staff share with ICE.",
        sourceUrl: ILRC_MAP,
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "City employees may not ask residents about immigration status; police may ask only when they reasonably suspect a felony. Mayor Murray's executive order of November 2016 restated this rule.",
        sourceUrl:
          "https://www.capitolhillseattle.com/2016/11/seattle-mayor-signs-7-point-thanksgiving-sanctuary-city-order/",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "no_local_jail",
        detail:
          "Seattle runs no jail of its own; people it arrests are held in King County's jail.",
        sourceUrl: "https://kingcounty.gov/en/legacy/council/news/2014/September/ICEholds.aspx",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail: "The Seattle Police Department had no 287(g) agreement with ICE.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "None directed at Seattle as of April 2017; the city sued on 29 March 2017 to challenge Executive Order 13768's threat to withhold federal funds.",
        detail:
          "Seattle was not among the nine recipients of the DOJ letters of 21 April 2017. Its lawsuit (City of Seattle v. Trump) asked the court to declare that Seattle complies with 8 U.S.C. 1373 and that the order is unconstitutional.",
        sourceUrl:
          "https://www.seattletimes.com/seattle-news/politics/seattle-sues-trump-administration-over-sanctuary-cities/",
        asOf: "2017-03-29",
      },
    },
  },
  {
    slug: "baltimore-md",
    name: "Baltimore",
    kind: "city",
    state: "MD",
    stateName: "Maryland",
    population: 585708,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/baltimorecitymaryland/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Catherine Pugh",
    summary:
      "Baltimore calls itself a welcoming city, not a sanctuary city. A 2012 executive order by Mayor Stephanie Rawlings-Blake tells police and city employees not to ask about immigration status. The city does not run its jail: Baltimore's detention center and central booking are run by the State of Maryland, which decides how to respond to ICE requests.",
    articleMention:
      "The article quotes Mayor Catherine Pugh saying Baltimore does not go around asking people where they are from, that it is a welcoming city, and that it wants to give everyone opportunities, jobs and careers.",
    latitude: 39.2904,
    longitude: -76.6122,
    facts: {
      sanctuary_status: {
        value: "unofficial",
        detail:
          "In January 2017 Mayor Pugh's office said Baltimore is a welcoming city but not a sanctuary city, partly because it does not run its own jail.",
        sourceUrl:
          "http://www.baltimoresun.com/news/maryland/baltimore-city/bs-md-ci-sanctuary-cities-20170125-story.html",
        asOf: "2017-01-25",
      },
      ice_detainers: {
        value: "unknown",
        detail:
          "Detainers go to the state-run Baltimore Central Booking and Intake Center, not to the city. The state's practice in 2017 was unclear: it said it did not hold people past release but helped ICE pick them up at release.",
        sourceUrl: "http://www.dpscs.state.md.us/agencies/dpds.shtml",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "unknown",
        detail:
          "Not confirmed: press reports in 2017 said the 2012 executive order still expected city employees to cooperate with federal immigration officials, but we have not confirmed its terms on sharing information.",
        sourceUrl:
          "https://foxbaltimore.com/news/local/mayors-office-calls-baltimore-a-welcoming-city-but-not-a-sanctuary-one",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "A 2012 executive order by Mayor Stephanie Rawlings-Blake tells Baltimore police and city employees not to ask about a person's immigration status; Mayor Pugh kept that policy.",
        sourceUrl:
          "http://www.baltimoresun.com/news/maryland/baltimore-city/bs-md-ci-sanctuary-cities-20170125-story.html",
        asOf: "2017-01-25",
      },
      jail_access: {
        value: "no_local_jail",
        detail:
          "The Baltimore City Detention Center and Central Booking are run by the Maryland Department of Public Safety and Correctional Services, not by the city.",
        sourceUrl: "http://www.dpscs.state.md.us/agencies/dpds.shtml",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail:
          "The Baltimore Police Department had no 287(g) agreement; in Maryland only Frederick and Harford counties had one in early 2017.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value: "None recorded as of April 2017.",
        detail:
          "Baltimore was not among the nine recipients of the DOJ letters of 21 April 2017; it faced only the general funding threat of Executive Order 13768.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-24",
      },
    },
  },
  {
    slug: "denver-co",
    name: "Denver",
    kind: "city",
    state: "CO",
    stateName: "Colorado",
    population: 715522,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/denvercitycolorado/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Michael B. Hancock",
    summary:
      "Denver runs its own jail, and since April 2014 its sheriff department has not held people on ICE detainers without a criminal warrant, while still sharing requested information with ICE. Mayor Michael Hancock avoided the sanctuary label in early 2017, calling Denver welcoming. A city ordinance limiting cooperation with ICE came later, in August 2017.",
    articleMention:
      "The article quotes Mayor Michael Hancock saying Denver values its residents, will take no unlawful or unconstitutional acts against them, and wants people to feel safe in an open, welcoming and inclusive city.",
    latitude: 39.7392,
    longitude: -104.9903,
    facts: {
      sanctuary_status: {
        value: "unofficial",
        detail:
          "Mayor Hancock said on 25 January 2017 that Denver is not a sanctuary city, then said he would welcome the title if it means caring for one another and welcoming immigrants; Denver did not formally adopt it.",
        sourceUrl:
          "http://westword.com/news/does-trump-consider-denver-a-sanctuary-city-based-on-ice-reports-8752943",
        asOf: "2017-02-02",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Since 30 April 2014 the Denver Sheriff Department has not held anyone on an ICE detainer unless it is accompanied by a criminal warrant or other legal authority.",
        sourceUrl:
          "https://dailycaller.com/2014/05/01/denver-sheriff-halts-immigration-detentions/",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "not_limited",
        detail:
          "The 2014 sheriff's memo said the department would keep cooperating with ICE and provide requested information about people in custody; limits on sharing came with the August 2017 ordinance.",
        sourceUrl:
          "https://dailycaller.com/2014/05/01/denver-sheriff-halts-immigration-detentions/",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "City guidelines barred Denver police from asking about a person's immigration status; they were written into city law by the August 2017 ordinance. The pre-ordinance rule's exact scope is not confirmed.",
        sourceUrl:
          "https://dailycaller.com/2017/08/02/denver-mayor-plans-executive-order-to-fast-track-sanctuary-city-policies/",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "unknown",
        detail:
          "Denver runs its own jails. Limits on ICE access to their secure areas were proposed in August 2017; we have not confirmed the access rules in force in April 2017.",
        sourceUrl: "https://denverite.com/2017/08/01/denver-prepares-another-immigration-fight/",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail:
          "Neither the Denver Police Department nor the Denver Sheriff Department had a 287(g) agreement.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "Listed in DHS's first weekly Declined Detainer Outcome Report (March 2017) for one declined detainer; no DOJ letter as of April 2017.",
        detail:
          "The report ordered by Executive Order 13768 covered 28 January to 3 February 2017 and listed one declined detainer at the Denver jail. Denver was not among the nine recipients of the DOJ letters of 21 April 2017.",
        sourceUrl:
          "https://www.denver7.com/news/politics/ice-report-targets-uncooperative-cities-in-colorado-local-agencies-say-theyre-in-line-with-law",
        asOf: "2017-03-21",
      },
    },
  },
  {
    slug: "boulder-co",
    name: "Boulder",
    kind: "city",
    state: "CO",
    stateName: "Colorado",
    population: 108250,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/bouldercitycolorado/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Suzanne Jones",
    summary:
      "Boulder's city council voted unanimously on 3 January 2017 to declare Boulder a sanctuary city, formalizing existing practice. The ordinance says no city employee shall ask about a person's immigration status and bars city staff, including police, from helping with immigration investigations. People arrested in Boulder are held in the Boulder County Jail, which does not honor ICE detainers without a warrant.",
    articleMention:
      "The article quotes Mayor Suzanne Jones saying Boulder will not violate immigrants' constitutional rights just because the new president wants it to, and that the city stands behind its ordinance.",
    latitude: 40.015,
    longitude: -105.2705,
    facts: {
      sanctuary_status: {
        value: "yes",
        detail:
          "On 3 January 2017 the city council unanimously adopted an ordinance declaring Boulder a sanctuary city, ahead of the 20 January inauguration.",
        sourceUrl:
          "https://www.dailycamera.com/2017/01/03/defying-trump-boulder-declares-itself-a-sanctuary-city/",
        asOf: "2017-01-03",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Boulder holds no one in a jail of its own; the Boulder County Jail, run by the county sheriff, declines ICE detainers but honors arrest warrants obtained by ICE.",
        sourceUrl:
          "https://www.dailycamera.com/2017/03/21/ice-may-have-listed-wrong-policy-when-referring-to-boulder-county-in-immigration-report/",
        asOf: "2017-03-21",
      },
      info_sharing: {
        value: "unknown",
        detail:
          "Not confirmed: the 2017 ordinance bars city staff from cooperating with federal investigations of immigration status, but we have not confirmed whether it limits sharing information with ICE.",
        sourceUrl:
          "https://www.dailycamera.com/2017/01/03/defying-trump-boulder-declares-itself-a-sanctuary-city/",
        asOf: "2017-01-03",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "The January 2017 ordinance provides that no city employee shall inquire into a person's immigration status.",
        sourceUrl:
          "https://www.dailycamera.com/2017/01/03/defying-trump-boulder-declares-itself-a-sanctuary-city/",
        asOf: "2017-01-03",
      },
      jail_access: {
        value: "no_local_jail",
        detail:
          "The city runs no jail; people arrested in Boulder are held in the Boulder County Jail, run by the Boulder County Sheriff.",
        sourceUrl:
          "https://www.dailycamera.com/2017/03/21/ice-may-have-listed-wrong-policy-when-referring-to-boulder-county-in-immigration-report/",
        asOf: "2017-03-21",
      },
      agreement_287g: {
        value: "none",
        detail: "The Boulder Police Department had no 287(g) agreement with ICE.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "None directed at the city as of April 2017; DHS's first weekly Declined Detainer Outcome Report (March 2017) listed six declined detainers at the Boulder County Jail.",
        detail:
          "The DHS report concerned the county jail, which holds Boulder's arrestees, and appeared to conflate county policy with the city's sanctuary declaration. Boulder was not among the nine recipients of the DOJ letters of 21 April 2017.",
        sourceUrl:
          "https://www.dailycamera.com/2017/03/21/ice-may-have-listed-wrong-policy-when-referring-to-boulder-county-in-immigration-report/",
        asOf: "2017-03-21",
      },
    },
  },
  {
    slug: "san-francisco-ca",
    name: "San Francisco",
    kind: "city",
    state: "CA",
    stateName: "California",
    population: 873965,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/sanfranciscocitycalifornia/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Ed Lee",
    summary:
      "San Francisco has been a sanctuary city since its 1989 City and County of Refuge ordinance (Administrative Code Chapter 12H), which bars using city resources to help enforce federal immigration law. Its Due Process for All ordinance (Chapter 12I, 2013, amended 2016) bars holding anyone on an ICE detainer and limits notices to ICE about releases. Mayor Ed Lee said in January 2017 that the city would remain a sanctuary city, and it was the first city to sue over Executive Order 13768.",
    articleMention:
      "The article lists San Francisco among the large US sanctuary cities and quotes a joint statement by Mayors Ed Lee, Libby Schaaf and Sam Liccardo: the Bay Area will not give in to threats or political grandstanding and will stay true to inclusiveness, compassion and equality.",
    latitude: 37.7749,
    longitude: -122.4194,
    facts: {
      sanctuary_status: {
        value: "yes",
        detail:
          "San Francisco's 1989 City and County of Refuge ordinance is commonly called its sanctuary ordinance; on 25 January 2017 Mayor Ed Lee said the city is and will remain a sanctuary city.",
        sourceUrl:
          "https://sfbayca.com/2017/01/25/bay-area-officials-defy-trumps-executive-order-on-sanctuary-cities/",
        asOf: "2017-01-25",
      },
      ice_detainers: {
        value: "declines",
        detail:
          "Administrative Code Chapter 12I (Due Process for All, 2013, amended 2016) bars law enforcement officials from holding anyone on a civil immigration detainer after they become eligible for release.",
        sourceUrl: "https://codelibrary.amlegal.com/codes/san_francisco/latest/sf_admin/0-0-0-7778",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "limited",
        detail:
          "Chapters 12H and 12I bar using city resources to share release status or personal information with ICE, with narrow exceptions for release notices about some people with serious or violent felony convictions.",
        sourceUrl: "https://codelibrary.amlegal.com/codes/san_francisco/latest/sf_admin/0-0-0-7778",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "Chapter 12H bars city departments and employees from using city resources to assist federal immigration enforcement and from putting immigration-status questions on applications or forms for city benefits and services, unless federal or state law requires it.",
        sourceUrl: "https://codelibrary.amlegal.com/codes/san_francisco/latest/sf_admin/0-0-0-7743",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "denied",
        detail:
          "The Sheriff's Department, which runs the county jails, had a policy (in place before Sheriff Vicki Hennessy took office in 2016) barring ICE agents' access to inmates and most communication with ICE.",
        sourceUrl:
          "https://www.governing.com/topics/public-justice-safety/tns-san-francisco-jail-ice-sanctuary-law.html",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail:
          "Neither the San Francisco Police Department nor the Sheriff's Department had a 287(g) agreement.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "None addressed to the city as of April 2017; the State of California was among the nine recipients of the DOJ letter of 21 April 2017. San Francisco sued on 31 January 2017 to challenge Executive Order 13768.",
        detail:
          "San Francisco was the first city to sue over the executive order's threat to withhold federal funds from sanctuary jurisdictions.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
  {
    slug: "oakland-ca",
    name: "Oakland",
    kind: "city",
    state: "CA",
    stateName: "California",
    population: 440646,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/oaklandcitycalifornia/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Libby Schaaf",
    summary:
      "Oakland declared itself a City of Refuge in 1986 and calls itself a sanctuary city; its police do not enforce civil immigration law. The city runs no jail: the Alameda County Sheriff runs Santa Rita Jail and since 2014 has not honored ICE holds without a judge's order, though it still gives ICE release information.",
    articleMention:
      "The article quotes a joint statement by Mayors Ed Lee, Libby Schaaf and Sam Liccardo: the Bay Area will not give in to threats or political grandstanding and will stay united against efforts to divide its residents.",
    latitude: 37.8044,
    longitude: -122.2712,
    facts: {
      sanctuary_status: {
        value: "yes",
        detail:
          "Oakland declared itself a City of Refuge in 1986, and its leaders including Mayor Libby Schaaf describe it as a sanctuary city.",
        sourceUrl: WIKI_SANCTUARY,
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Oakland holds no one in a jail of its own; since May 2014 the Alameda County Sheriff, who runs Santa Rita Jail, has not honored ICE holds unless backed by a judge's order.",
        sourceUrl:
          "https://www.mercurynews.com/2014/05/21/east-bay-sheriffs-to-release-immigrants-held-for-feds/",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "unknown",
        detail:
          "Not confirmed for the city itself. The Alameda County Sheriff answered ICE requests for release dates in 2017, but we have not confirmed Oakland's own rules on sharing information.",
        sourceUrl:
          "https://www.berkeleyside.org/2017/07/05/tensions-high-sheriffs-town-hall-immigration",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "unknown",
        detail:
          "Not confirmed: we have not verified whether Oakland's City of Refuge resolutions or police rules bar asking about immigration status as of April 2017.",
        sourceUrl: ILRC_MAP,
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "no_local_jail",
        detail:
          "The city runs no jail; people arrested in Oakland are held in Alameda County's Santa Rita Jail, run by the county sheriff.",
        sourceUrl:
          "https://www.mercurynews.com/2014/05/21/east-bay-sheriffs-to-release-immigrants-held-for-feds/",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail: "The Oakland Police Department had no 287(g) agreement with ICE.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "None addressed to the city as of April 2017; the State of California was among the nine recipients of the DOJ letter of 21 April 2017 on 8 U.S.C. 1373 compliance.",
        detail:
          "The 21 April 2017 letters went to California, not to the City of Oakland; the city faced the general funding threat of Executive Order 13768.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
  {
    slug: "san-jose-ca",
    name: "San Jose",
    kind: "city",
    state: "CA",
    stateName: "California",
    population: 1013240,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/sanjosecitycalifornia/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Sam Liccardo",
    summary:
      "San Jose's police department does not take part in federal immigration enforcement, and its police chief said after the 2016 election that this would continue. The city runs no jail: Santa Clara County's jail, which holds people arrested in San Jose, has in effect declined all ICE detainers since 2011. San Jose had no ordinance of its own on the subject as of April 2017.",
    articleMention:
      "The article quotes a joint statement by Mayors Ed Lee, Libby Schaaf and Sam Liccardo: the Bay Area will not give in to threats or political grandstanding and will stay true to its values of inclusiveness, compassion and equality.",
    latitude: 37.3382,
    longitude: -121.8863,
    facts: {
      sanctuary_status: {
        value: "unknown",
        detail:
          "Uncertain: news reports describe San Jose as a sanctuary city and its police do not help enforce immigration law, but we have not confirmed that the city formally calls itself one; a proposed ordinance to codify limits on cooperation with ICE was only under study in mid-2017.",
        sourceUrl:
          "https://www.mercurynews.com/2017/06/04/san-jose-law-would-limit-city-cooperation-with-ice-on-immigration/",
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "declines",
        detail:
          "San Jose holds no one in a jail of its own. Santa Clara County's 2011 policy honors detainers only if ICE agrees to reimburse costs and the person has a serious or violent felony record; since ICE does not reimburse, the county in effect declines them all.",
        sourceUrl:
          "https://www.sanjoseinside.com/news/11_1_13_board_of_supervisors_immigration_civil_detainer/",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "unknown",
        detail:
          "Not confirmed: we have not found a San Jose rule in force in April 2017 limiting what city staff or police share with ICE.",
        sourceUrl: ILRC_MAP,
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "unknown",
        detail:
          "Not confirmed: we have not verified whether San Jose police or city rules bar asking about immigration status as of April 2017.",
        sourceUrl: ILRC_MAP,
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "no_local_jail",
        detail:
          "The city runs no jail; people arrested in San Jose are held in Santa Clara County's jail, run by the county sheriff.",
        sourceUrl:
          "https://www.sanjoseinside.com/news/11_1_13_board_of_supervisors_immigration_civil_detainer/",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail: "The San Jose Police Department had no 287(g) agreement with ICE.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "None addressed to the city as of April 2017; the State of California was among the nine recipients of the DOJ letter of 21 April 2017 on 8 U.S.C. 1373 compliance.",
        detail:
          "The 21 April 2017 letters went to California, not to San Jose. Santa Clara County, which runs the jail, sued over Executive Order 13768 in February 2017.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
  {
    slug: "new-orleans-la",
    name: "New Orleans",
    kind: "city",
    state: "LA",
    stateName: "Louisiana",
    population: 383997,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/neworleanscitylouisiana/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Mitch Landrieu",
    summary:
      "New Orleans says it is not a sanctuary city, but a New Orleans Police Department policy in force since February 2016, adopted under a federal consent decree, bars officers from asking about immigration status and limits their part in immigration enforcement. The jail is run by the Orleans Parish Sheriff, who since 2013 has declined ICE holds except for people charged with certain serious crimes. The city was among the nine jurisdictions sent DOJ letters on 21 April 2017.",
    articleMention:
      "The article names New Orleans among the sanctuary cities to which the Justice Department sent letters warning that federal funding would be withdrawn unless they helped find and deport undocumented immigrants.",
    latitude: 29.9511,
    longitude: -90.0715,
    facts: {
      sanctuary_status: {
        value: "unofficial",
        detail:
          "Mayor Mitch Landrieu's administration rejects the sanctuary label, saying the city and the NOPD are not a sanctuary city, while keeping the 2016 NOPD policy that limits officers' involvement in immigration matters.",
        sourceUrl: "https://www.nola.com/politics/2017/04/new_orleans_among_8_of_trumps.html",
        asOf: "2017-04-21",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Detainers go to the Orleans Parish Sheriff's jail, which under a 2013 settlement (Cacho v. Gusman) declines ICE holds except for people held on certain specified serious charges.",
        sourceUrl: "https://www.nola.com/politics/2013/08/orleans_parish_sheriffs_office_1.html",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "unknown",
        detail:
          "Disputed: the city said in 2017 that the NOPD policy does not prevent officers from communicating with ICE, while the Justice Department questioned whether it complied with 8 U.S.C. 1373.",
        sourceUrl:
          "http://m.bestofneworleans.com/thelatest/archives/2017/04/21/landrieu-letter-threatening-to-pull-funding-over-immigration-issues-is-another-example-of-the-trump-administration-acting-before-doing-their",
        asOf: "2017-04-21",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "NOPD policy, in force since February 2016, prohibits officers from asking about a person's immigration status. It applies to the police, not to all city staff.",
        sourceUrl:
          "http://m.bestofneworleans.com/thelatest/archives/2017/04/21/landrieu-letter-threatening-to-pull-funding-over-immigration-issues-is-another-example-of-the-trump-administration-acting-before-doing-their",
        asOf: "2017-04-21",
      },
      jail_access: {
        value: "no_local_jail",
        detail:
          "The jail is run by the separately elected Orleans Parish Sheriff, not the city; under the 2013 settlement ICE may not conduct civil immigration investigations inside it.",
        sourceUrl: "https://www.nola.com/politics/2013/08/orleans_parish_sheriffs_office_1.html",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail: "Neither the NOPD nor the Orleans Parish Sheriff's Office had a 287(g) agreement.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "DOJ letter of 21 April 2017 demanding proof of compliance with 8 U.S.C. 1373 for Byrne JAG grants.",
        detail:
          "New Orleans was one of nine jurisdictions the Justice Department told to document, by 30 June 2017, that it complies with 8 U.S.C. 1373 or risk its Byrne JAG funding.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
  {
    slug: "philadelphia-pa",
    name: "Philadelphia",
    kind: "city",
    state: "PA",
    stateName: "Pennsylvania",
    population: 1603797,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/philadelphiacitypennsylvania/PST045222",
    leaderTitle: "Mayor",
    leaderName: "Jim Kenney",
    summary:
      "Philadelphia limits cooperation with ICE under Executive Order 5-16, signed by Mayor Jim Kenney in January 2016: the city holds people on ICE detainers or tells ICE of their release only when they are being released after conviction for a violent first- or second-degree felony and ICE has a judicial warrant. Kenney prefers to call Philadelphia a Fourth Amendment city rather than a sanctuary city. The city runs its own prisons and was among the nine jurisdictions sent DOJ letters on 21 April 2017.",
    articleMention:
      "The article names Philadelphia among the sanctuary cities to which the Justice Department sent letters warning that federal funding would be withdrawn unless they helped find and deport undocumented immigrants.",
    latitude: 39.9526,
    longitude: -75.1652,
    facts: {
      sanctuary_status: {
        value: "unofficial",
        detail:
          "In November 2016 Mayor Kenney said the city had changed the name from sanctuary city to Fourth Amendment city, meaning no one is held without a judge's warrant.",
        sourceUrl: "https://www.governing.com/archive/tns-kenney-immigration-philadelphia.html",
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail:
          "Executive Order 5-16 (January 2016) bars holding anyone on an ICE detainer unless the person is being released after conviction for a first- or second-degree felony involving violence and the detainer is supported by a judicial warrant.",
        sourceUrl: "https://www.governing.com/archive/tns-kenney-immigration-philadelphia.html",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "limited",
        detail:
          "Executive Order 5-16 bars notifying ICE of a person's pending release except under the same violent-felony and judicial-warrant conditions. ICE still had access to the city's arrest-records system (PARS) until 2018.",
        sourceUrl: "https://www.governing.com/archive/tns-kenney-immigration-philadelphia.html",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "banned",
        detail:
          "Executive Order 8-09, signed by Mayor Michael Nutter in November 2009, prohibits city employees from asking about immigration status unless required by law or needed to determine eligibility for a program.",
        sourceUrl:
          "https://phila.legistar.com/LegislationDetail.aspx?GUID=02BEACB4-8D41-47A1-BA54-7225EEFBE8D2&ID=1235573",
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "unknown",
        detail:
          "The city runs its own jails (Philadelphia Department of Prisons). We have not confirmed the rules on ICE access to them as of April 2017.",
        sourceUrl: ILRC_MAP,
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail:
          "Neither the Philadelphia Police Department nor the Department of Prisons had a 287(g) agreement.",
        sourceUrl: ICE_287G,
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "DOJ letter of 21 April 2017 demanding proof of compliance with 8 U.S.C. 1373 for Byrne JAG grants.",
        detail:
          "Philadelphia was one of nine jurisdictions the Justice Department told to document, by 30 June 2017, that it complies with 8 U.S.C. 1373 or risk its Byrne JAG funding.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
  {
    slug: "milwaukee-county-wi",
    name: "Milwaukee County",
    kind: "county",
    state: "WI",
    stateName: "Wisconsin",
    population: 939489,
    populationYear: 2020,
    populationSourceUrl:
      "https://www.census.gov/quickfacts/fact/table/milwaukeecountywisconsin/PST045222",
    leaderTitle: "County Executive",
    leaderName: "Chris Abele",
    summary:
      "The Milwaukee County Board adopted a resolution in 2012 setting conditions for honoring ICE detainers, but Sheriff David A. Clarke Jr., who runs the county jail, kept honoring them, and on 8 March 2017 he asked ICE for a 287(g) agreement. The county does not call itself a sanctuary. It was among the nine jurisdictions sent DOJ letters on 21 April 2017.",
    articleMention:
      "The article says Milwaukee County Supervisor Marina Dimitrijevic vowed the county would not give in to the federal threats and promised to go to court if any funding was withdrawn.",
    latitude: 43.0389,
    longitude: -87.9065,
    facts: {
      sanctuary_status: {
        value: "unofficial",
        detail:
          "The county does not call itself a sanctuary; its limiting policy is the County Board's 2012 resolution on detainers, which the sheriff did not follow.",
        sourceUrl: "https://revealnews.org/blog/milwaukee-to-feds-we-follow-immigration-law/",
        asOf: "2017-04-24",
      },
      ice_detainers: {
        value: "honors_all",
        detail:
          "The 2012 County Board resolution sets conditions for honoring detainers, but Sheriff David A. Clarke Jr. honored ICE detainers regardless, according to the county's own response to the DOJ in 2017. The value reflects the sheriff's practice, not the Board's policy.",
        sourceUrl: "https://revealnews.org/blog/milwaukee-to-feds-we-follow-immigration-law/",
        asOf: "2017-04-24",
      },
      info_sharing: {
        value: "not_limited",
        detail:
          "The Sheriff's Office shared information on jail inmates with ICE; it stopped only in 2019, when Sheriff Earnell Lucas required a judge's warrant.",
        sourceUrl: "https://www.latimes.com/nation/la-na-sheriff-milwaukee-ice-20190310-story.html",
        asOf: "2017-04-24",
      },
      status_inquiry: {
        value: "unknown",
        detail:
          "Not confirmed: we have not found a county rule in force in April 2017 on county staff or deputies asking about immigration status.",
        sourceUrl: ILRC_MAP,
        asOf: "2017-04-24",
      },
      jail_access: {
        value: "unknown",
        detail:
          "The county jail is run by the elected sheriff, who cooperated closely with ICE, but we have not confirmed the formal rules on ICE access as of April 2017.",
        sourceUrl:
          "https://www.jsonline.com/story/news/investigations/daniel-bice/2017/03/09/bice-milwaukee-county-david-clarke-wants-officers-enforce-immigration-laws/98927012/",
        asOf: "2017-04-24",
      },
      agreement_287g: {
        value: "none",
        detail:
          "No agreement was in force, but on 8 March 2017 Sheriff Clarke asked ICE for a 287(g) agreement, first under the jail model and later the task force model; the County Board passed a resolution opposing it.",
        sourceUrl:
          "https://www.jsonline.com/story/news/investigations/daniel-bice/2017/03/16/bice-milwaukee-county-sheriff-david-clarke-releases-letter-seeking-immigration-authority/99235420/",
        asOf: "2017-04-24",
      },
      federal_actions: {
        value:
          "DOJ letter of 21 April 2017 demanding proof of compliance with 8 U.S.C. 1373 for Byrne JAG grants.",
        detail:
          "Milwaukee County was one of nine jurisdictions the Justice Department told to document, by 30 June 2017, that it complies with 8 U.S.C. 1373 or risk its Byrne JAG funding.",
        sourceUrl: DOJ_LETTERS,
        asOf: "2017-04-21",
      },
    },
  },
];
