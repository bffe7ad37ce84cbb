/**
 * The licence of CityWatch's own data: the profiles and the approved updates
 * (as pages, JSON and CSV). The World Mayor article is not ours to license.
 */
export const DATA_LICENSE = {
  name: "Creative Commons Attribution 4.0 International",
  short: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
  attribution: "CityWatch contributors",
  notice:
    "CityWatch's data (city and county profiles, their sources, and approved policy updates) is licensed under CC BY 4.0: reuse it for any purpose, crediting “CityWatch contributors”. The World Mayor article “US sanctuary cities” (24 April 2017) and its quotes are World Mayor's text, republished here and not covered by that licence.",
} as const;

/** The HTTP Link header that names the licence (RFC 8288, rel="license"). */
export const LICENSE_LINK = `<${DATA_LICENSE.url}>; rel="license"`;
