// INTERIM: each state's bounding box (south, north, west, east, in WGS 84
// degrees), rounded outwards, so a point far outside the chosen state is
// refused. Coarse near borders (a box also covers bits of its neighbours); the
// Census-boundary version of this module replaces it with the same signature.

type Box = readonly [south: number, north: number, west: number, east: number];

const BOXES: Record<string, readonly Box[]> = {
  AL: [[30.14, 35.01, -88.48, -84.89]],
  // Alaska's Aleutians cross the 180th meridian: a second box east of it.
  AK: [
    [51.2, 71.44, -179.15, -129.97],
    [51.2, 53.1, 172.4, 180],
  ],
  AZ: [[31.33, 37.01, -114.82, -109.04]],
  AR: [[33.0, 36.5, -94.62, -89.64]],
  CA: [[32.53, 42.01, -124.48, -114.13]],
  CO: [[36.99, 41.01, -109.06, -102.04]],
  CT: [[40.95, 42.05, -73.73, -71.78]],
  DE: [[38.45, 39.84, -75.79, -75.05]],
  DC: [[38.79, 39.0, -77.12, -76.91]],
  FL: [[24.4, 31.0, -87.63, -80.03]],
  GA: [[30.36, 35.0, -85.61, -80.84]],
  HI: [[18.91, 28.4, -178.33, -154.81]],
  ID: [[41.99, 49.0, -117.24, -111.04]],
  IL: [[36.97, 42.51, -91.51, -87.49]],
  IN: [[37.77, 41.76, -88.1, -84.78]],
  IA: [[40.38, 43.5, -96.64, -90.14]],
  KS: [[36.99, 40.0, -102.05, -94.59]],
  KY: [[36.5, 39.15, -89.57, -81.96]],
  LA: [[28.93, 33.02, -94.04, -88.82]],
  ME: [[42.98, 47.46, -71.08, -66.95]],
  MD: [[37.91, 39.72, -79.49, -75.05]],
  MA: [[41.24, 42.89, -73.51, -69.93]],
  MI: [[41.7, 48.31, -90.42, -82.41]],
  MN: [[43.5, 49.38, -97.24, -89.49]],
  MS: [[30.17, 35.0, -91.66, -88.1]],
  MO: [[35.99, 40.61, -95.77, -89.1]],
  MT: [[44.36, 49.0, -116.05, -104.04]],
  NE: [[40.0, 43.0, -104.05, -95.31]],
  NV: [[35.0, 42.0, -120.01, -114.04]],
  NH: [[42.7, 45.31, -72.56, -70.61]],
  NJ: [[38.93, 41.36, -75.56, -73.89]],
  NM: [[31.33, 37.0, -109.05, -103.0]],
  NY: [[40.5, 45.02, -79.76, -71.86]],
  NC: [[33.84, 36.59, -84.32, -75.46]],
  ND: [[45.94, 49.0, -104.05, -96.55]],
  OH: [[38.4, 41.98, -84.82, -80.52]],
  OK: [[33.62, 37.0, -103.0, -94.43]],
  OR: [[41.99, 46.29, -124.57, -116.46]],
  PA: [[39.72, 42.27, -80.52, -74.69]],
  RI: [[41.15, 42.02, -71.86, -71.12]],
  SC: [[32.03, 35.22, -83.35, -78.54]],
  SD: [[42.48, 45.95, -104.06, -96.44]],
  TN: [[34.98, 36.68, -90.31, -81.65]],
  TX: [[25.84, 36.5, -106.65, -93.51]],
  UT: [[37.0, 42.0, -114.05, -109.04]],
  VT: [[42.73, 45.02, -73.44, -71.46]],
  VA: [[36.54, 39.47, -83.68, -75.24]],
  WA: [[45.54, 49.0, -124.85, -116.92]],
  WV: [[37.2, 40.64, -82.64, -77.72]],
  WI: [[42.49, 47.31, -92.89, -86.25]],
  WY: [[40.99, 45.01, -111.06, -104.05]],
  AS: [[-14.6, -11.0, -171.1, -168.1]],
  GU: [[13.2, 13.7, 144.6, 145.0]],
  MP: [[14.1, 20.6, 144.85, 146.1]],
  PR: [[17.88, 18.53, -67.95, -65.22]],
  VI: [[17.67, 18.42, -65.09, -64.56]],
};

/** Slack around each box, in degrees (about 5 km): coordinates copied from a map are rounded. */
const SLACK = 0.05;

/** Whether the point lies inside the state's (or territory's) bounds; false for an unknown code. */
export function isInsideState(stateCode: string, latitude: number, longitude: number): boolean {
  const boxes = BOXES[stateCode.trim().toUpperCase()];
  if (!boxes || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return false;
  return boxes.some(
    ([south, north, west, east]) =>
      latitude >= south - SLACK &&
      latitude <= north + SLACK &&
      longitude >= west - SLACK &&
      longitude <= east + SLACK,
  );
}
