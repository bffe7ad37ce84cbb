import type { ExportedCity } from "@/lib/dal/open-data/cities";
import type { ExportedUpdate } from "@/lib/dal/open-data/updates";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import type { CsvValue } from "./csv";

/*
 * The columns of the CSV downloads. Each profile field comes with its source
 * URL and its as-of date, side by side, so a row can be checked on its own.
 */

export type CsvTable<R> = {
  filename: string;
  header: readonly string[];
  values: (row: R, origin: string) => readonly CsvValue[];
};

export const CITIES_TABLE: CsvTable<ExportedCity> = {
  filename: "citywatch-cities.csv",
  header: [
    "slug",
    "url",
    "name",
    "kind",
    "state",
    "state_name",
    "summary",
    "article_mention",
    "population",
    "population_year",
    "population_source_url",
    "leader_title",
    "leader_name",
    "leader_source_url",
    "leader_as_of",
    "latitude",
    "longitude",
    ...POLICY_FIELD_KEYS.flatMap((f) => [f, `${f}_detail`, `${f}_source_url`, `${f}_as_of`]),
  ],
  values: (c, origin) => [
    c.slug,
    `${origin}/cities/${c.slug}`,
    c.name,
    c.kind,
    c.state,
    c.stateName,
    c.summary,
    c.articleMention,
    c.population,
    c.populationYear,
    c.populationSourceUrl,
    c.leaderTitle,
    c.leaderName,
    c.leaderSourceUrl,
    c.leaderAsOf,
    c.latitude,
    c.longitude,
    ...POLICY_FIELD_KEYS.flatMap((f) => {
      const fact = c.facts[f];
      return [fact?.value, fact?.detail, fact?.sourceUrl, fact?.asOf];
    }),
  ],
};

export const UPDATES_TABLE: CsvTable<ExportedUpdate> = {
  filename: "citywatch-updates.csv",
  header: [
    "id",
    "url",
    "city_slug",
    "city_name",
    "state",
    "kind",
    "title",
    "summary",
    "effective_on",
    "source_url",
    "published_at",
  ],
  values: (u, origin) => [
    u.id,
    `${origin}/updates/${u.id}`,
    u.city.slug,
    u.city.name,
    u.city.state,
    u.kind,
    u.title,
    u.summary,
    u.effectiveOn,
    u.sourceUrl,
    u.publishedAt,
  ],
};
