// Where the load generator's cities are: spread over the fifty states and DC,
// each at a point inside its state (checked against the Census boundaries), so
// the map and the state filters see a realistic spread.
import { isInsideState } from "../../lib/geo/state-bounds";
import { stateByCode } from "../../lib/us-states";

/** A point well inside each state (near its geographic centre), as [latitude, longitude]. */
const INTERIOR: Record<string, [number, number]> = {
  AL: [32.8, -86.8],
  AK: [64.0, -150.0],
  AZ: [34.3, -111.7],
  AR: [34.9, -92.4],
  CA: [37.2, -119.4],
  CO: [39.0, -105.5],
  CT: [41.6, -72.7],
  DE: [39.0, -75.5],
  DC: [38.9, -77.03],
  FL: [28.6, -82.4],
  GA: [32.7, -83.4],
  HI: [19.6, -155.5],
  ID: [44.4, -114.6],
  IL: [40.0, -89.2],
  IN: [39.9, -86.3],
  IA: [42.0, -93.5],
  KS: [38.5, -98.4],
  KY: [37.5, -85.3],
  LA: [31.0, -92.0],
  ME: [45.4, -69.2],
  MD: [39.0, -76.8],
  MA: [42.3, -71.8],
  MI: [44.3, -85.4],
  MN: [46.3, -94.3],
  MS: [32.7, -89.7],
  MO: [38.4, -92.5],
  MT: [47.0, -109.6],
  NE: [41.5, -99.8],
  NV: [39.3, -116.6],
  NH: [43.7, -71.6],
  NJ: [40.1, -74.7],
  NM: [34.4, -106.1],
  NY: [42.9, -75.5],
  NC: [35.5, -79.4],
  ND: [47.5, -100.5],
  OH: [40.3, -82.8],
  OK: [35.6, -97.5],
  OR: [43.9, -120.6],
  PA: [40.9, -77.8],
  RI: [41.7, -71.5],
  SC: [33.9, -80.9],
  SD: [44.4, -100.2],
  TN: [35.9, -86.4],
  TX: [31.5, -99.3],
  UT: [39.3, -111.7],
  VT: [44.1, -72.7],
  VA: [37.5, -78.8],
  WA: [47.4, -120.5],
  WV: [38.6, -80.6],
  WI: [44.6, -89.9],
  WY: [43.0, -107.5],
};

export const LOAD_STATES = Object.keys(INTERIOR);

export type LoadPlace = {
  slug: string;
  name: string;
  state: string;
  stateName: string;
  latitude: number;
  longitude: number;
};

/**
 * The g-th load city (g from 1): states in turn, at its state's interior point moved
 * by a fixed pseudo-random offset, smaller and smaller until the point is inside.
 */
export function loadPlace(g: number): LoadPlace {
  const state = LOAD_STATES[(g - 1) % LOAD_STATES.length]!;
  const [lat, lon] = INTERIOR[state]!;
  // Deterministic offsets in [-1, 1): the same data set on every run.
  const a = Math.sin(g * 12.9898) * 43758.5453;
  const b = Math.sin(g * 78.233) * 12345.6789;
  const dLat = (a - Math.floor(a)) * 2 - 1;
  const dLon = (b - Math.floor(b)) * 2 - 1;
  let point: [number, number] = [lat, lon];
  for (const reach of [1, 0.4, 0.1, 0.02]) {
    const candidate: [number, number] = [
      Math.round((lat + dLat * reach) * 1e4) / 1e4,
      Math.round((lon + dLon * reach) * 1e4) / 1e4,
    ];
    if (isInsideState(state, ...candidate)) {
      point = candidate;
      break;
    }
  }
  return {
    slug: `load-city-${g}-${state.toLowerCase()}`,
    name: `Load City ${g}`,
    state,
    stateName: stateByCode(state)!.name,
    latitude: point[0],
    longitude: point[1],
  };
}
