// Whether a point lies inside a state, by the Census Bureau's boundaries.
// Runs on the server (it reads us-atlas's 115 KB of boundaries): call it from
// a server action or the DAL, not from code that ships to the browser.
import { geoContains } from "d3-geo";
import { feature } from "topojson-client";
import type { Feature, Geometry } from "geojson";
import { stateByCode } from "@/lib/us-states";
import { statesTopology } from "./atlas";

let byFips: Map<string, Feature<Geometry>> | undefined;

function stateFeature(fips: string): Feature<Geometry> | undefined {
  if (!byFips) {
    const all = feature(statesTopology, statesTopology.objects.states).features;
    byFips = new Map(all.map((f) => [String(f.id), f]));
  }
  return byFips.get(fips);
}

/**
 * True when latitude/longitude (degrees) fall inside the state, the District or
 * the territory with this postal code (us-atlas has all 56: the fifty states, DC,
 * PR, VI, GU, AS and MP). False for an unknown code or a point outside.
 */
export function isInsideState(stateCode: string, latitude: number, longitude: number): boolean {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return false;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return false;
  const state = stateByCode(stateCode);
  const shape = state && stateFeature(state.fips);
  return Boolean(shape && geoContains(shape, [longitude, latitude]));
}
