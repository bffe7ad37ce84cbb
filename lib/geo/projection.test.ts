import { describe, expect, it } from "vitest";
import { geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { statesAlbersTopology } from "./atlas";
import { MAP_HEIGHT, MAP_WIDTH, projectToMap } from "./projection";

/** The pre-projected shape of a state (by FIPS code) as us-atlas ships it. */
function drawnState(fips: string) {
  const f = feature(statesAlbersTopology, statesAlbersTopology.objects.states).features.find(
    (s) => s.id === fips,
  );
  if (!f) throw new Error(`no state ${fips}`);
  return f;
}

describe("projectToMap", () => {
  it("matches the projection of us-atlas's Albers file: a city lands inside its drawn state", () => {
    for (const [fips, lat, lon] of [
      ["36", 40.7128, -74.006], // New York
      ["06", 37.7749, -122.4194], // San Francisco
      ["48", 30.2672, -97.7431], // Austin
      ["02", 61.2181, -149.9003], // Anchorage (Alaska's inset)
      ["15", 21.3069, -157.8583], // Honolulu (Hawaii's inset)
      ["11", 38.9072, -77.0369], // Washington, DC
    ] as const) {
      const point = projectToMap(lat, lon);
      expect(point, fips).not.toBeNull();
      const [[x0, y0], [x1, y1]] = geoPath().bounds(drawnState(fips));
      expect(point![0]).toBeGreaterThanOrEqual(Math.floor(x0));
      expect(point![0]).toBeLessThanOrEqual(Math.ceil(x1));
      expect(point![1]).toBeGreaterThanOrEqual(Math.floor(y0));
      expect(point![1]).toBeLessThanOrEqual(Math.ceil(y1));
    }
  });

  it("gives whole map units inside the drawing", () => {
    const [x, y] = projectToMap(39.7392, -104.9903)!; // Denver
    expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(MAP_WIDTH);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(MAP_HEIGHT);
  });

  it("has no place for the territories", () => {
    expect(projectToMap(18.4655, -66.1057)).toBeNull(); // San Juan, PR
    expect(projectToMap(13.4757, 144.7489)).toBeNull(); // Hagåtña, GU
  });
});
