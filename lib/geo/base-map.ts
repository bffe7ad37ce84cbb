// The map's background (the nation filled, the borders between states drawn),
// as two compact SVG path strings computed once per process.
import { feature, mesh } from "topojson-client";
import type { Position } from "geojson";
import { statesAlbersTopology as atlas } from "./atlas";

/**
 * The base map's grid, in map units: its paths are drawn at 1/BASE_UNIT scale and
 * scaled back up (transform="scale(BASE_UNIT)"). Two units (about 9 km) is as fine as
 * a state border needs at 975 wide, and saves a third of the bytes of one.
 */
export const BASE_UNIT = 2;

/**
 * One line of points as "M x y l dx dy dx dy …" in whole map units. Rounding drops
 * the steps shorter than a unit and straight runs merge into one step, which keeps
 * the whole map to a few kilobytes (the shapes are already projected into 975 × 610).
 */
function encodeLine(points: Position[], close: boolean): string {
  const rounded = points.map(
    ([x = 0, y = 0]) => [Math.round(x / BASE_UNIT), Math.round(y / BASE_UNIT)] as const,
  );
  const [first] = rounded;
  if (!first) return "";
  const steps: [number, number][] = [];
  let [px, py] = first;
  for (const [x, y] of rounded.slice(1)) {
    const dx = x - px;
    const dy = y - py;
    if (dx === 0 && dy === 0) continue;
    const last = steps.at(-1);
    // Same direction as the step before: one longer step instead of two.
    if (last && last[0] * dy === last[1] * dx && last[0] * dx + last[1] * dy > 0) {
      last[0] += dx;
      last[1] += dy;
    } else steps.push([dx, dy]);
    px = x;
    py = y;
  }
  if (steps.length < (close ? 3 : 1)) return ""; // smaller than a unit: invisible at this scale
  if (close && extent(rounded) < 3) return ""; // an islet a marker would hide anyway
  if (close) steps.pop(); // "z" draws the last step back to the start
  let out = `M${first[0]} ${first[1]}l`;
  steps.forEach(([dx, dy], i) => {
    out += `${i > 0 && dx >= 0 ? " " : ""}${dx}${dy >= 0 ? " " : ""}${dy}`;
  });
  return close ? `${out}z` : out;
}

/** The larger side of the points' bounding box. */
function extent(points: readonly (readonly [number, number])[]): number {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

let memo: { land: string; borders: string } | undefined;

/** The nation's outline (to fill) and the inner state borders (to stroke). */
export function baseMapPaths(): { land: string; borders: string } {
  if (memo) return memo;
  const nation = feature(atlas, atlas.objects.nation).features[0]?.geometry;
  const polygons =
    nation?.type === "MultiPolygon"
      ? nation.coordinates
      : nation?.type === "Polygon"
        ? [nation.coordinates]
        : [];
  const land = polygons.flatMap((rings) => rings.map((ring) => encodeLine(ring, true))).join("");
  const inner = mesh(atlas, atlas.objects.states, (a, b) => a !== b);
  const borders = inner.coordinates.map((line) => encodeLine(line, false)).join("");
  memo = { land, borders };
  return memo;
}
