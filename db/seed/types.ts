import type { PolicyFieldKey, PolicyFieldValue } from "@/lib/policy-fields";
import type { JurisdictionKind } from "@/lib/enums";

/** One sourced value of a policy-profile field, as seeded. */
export type SeedFact<K extends PolicyFieldKey> = {
  value: PolicyFieldValue<K>;
  /** One or two plain sentences explaining the value (what the policy is, its name and year). */
  detail: string;
  /** A public, stable page that supports the value (http or https). */
  sourceUrl: string;
  /** Date the value was true as of, YYYY-MM-DD. */
  asOf: string;
};

export type SeedJurisdiction = {
  slug: string;
  name: string;
  kind: JurisdictionKind;
  /** Postal code, e.g. "NY". */
  state: string;
  stateName: string;
  population: number;
  populationYear: number;
  populationSourceUrl: string;
  /** The leader the article names or who held office in April 2017. */
  leaderTitle: "Mayor" | "County Executive";
  leaderName: string;
  /** Plain-text sanctuary-policy summary, two or three sentences. */
  summary: string;
  /** What the World Mayor article (24 April 2017) says about this place, in one or two sentences. */
  articleMention: string;
  /**
   * Where the map puts the place: its city hall or county seat, from public
   * records (the municipal government's own address, geocoded), 4 decimals.
   */
  latitude: number;
  longitude: number;
  facts: { [K in PolicyFieldKey]: SeedFact<K> };
};
