import { geoAlbersUsa } from "d3-geo";

/** The map's drawing area: us-atlas's pre-projected Albers USA files are 975 by 610. */
export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

// The projection us-atlas used for states-albers-10m.json, so markers land on its shapes.
const albersUsa = geoAlbersUsa().scale(1300).translate([487.5, 305]);

/**
 * Where a place goes on the map, in whole map units, or null when Albers USA
 * has no room for it (Puerto Rico, Guam and the other territories).
 */
export function projectToMap(latitude: number, longitude: number): [number, number] | null {
  const point = albersUsa([longitude, latitude]);
  if (!point) return null;
  return [Math.round(point[0]), Math.round(point[1])];
}

/** Whether a place has a marker on the map (the territories and places without coordinates do not). */
export function isOnMap(place: { latitude: number | null; longitude: number | null }): boolean {
  return (
    place.latitude !== null &&
    place.longitude !== null &&
    projectToMap(place.latitude, place.longitude) !== null
  );
}
