import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { groupByState, StatePlaces } from "./places-by-state";

const place = (
  slug: string,
  name: string,
  state: string,
  stateName: string,
  lat: number | null,
  lon: number | null,
) => ({
  slug,
  name,
  state,
  stateName,
  badge: "limited" as const,
  latitude: lat,
  longitude: lon,
});

describe("the map's list", () => {
  it("groups places by state, states in alphabetical order", () => {
    const groups = groupByState([
      place("boston-ma", "Boston", "MA", "Massachusetts", 42.3601, -71.0589),
      place("oakland-ca", "Oakland", "CA", "California", 37.8044, -122.2712),
      place("worcester-ma", "Worcester", "MA", "Massachusetts", 42.2626, -71.8023),
    ]);
    expect(groups.map((g) => [g.name, g.places.map((p) => p.slug)])).toEqual([
      ["California", ["oakland-ca"]],
      ["Massachusetts", ["boston-ma", "worcester-ma"]],
    ]);
  });

  it("says each status in words and which places are not on the map", () => {
    const html = renderToStaticMarkup(
      createElement(StatePlaces, {
        name: "Puerto Rico",
        places: [
          place("san-juan-pr", "San Juan", "PR", "Puerto Rico", 18.4655, -66.1057),
          place("ponce-pr", "Ponce", "PR", "Puerto Rico", null, null),
        ],
      }),
    );
    expect(html).toContain("<h3");
    expect(html).toContain('<a href="/cities/san-juan-pr">San Juan</a>: Limits cooperation');
    expect(html.match(/\(not on the map\)/g)).toHaveLength(2);
  });

  it("does not say it of a place that is on the map", () => {
    const html = renderToStaticMarkup(
      createElement(StatePlaces, {
        name: "Massachusetts",
        places: [place("boston-ma", "Boston", "MA", "Massachusetts", 42.3601, -71.0589)],
      }),
    );
    expect(html).not.toContain("not on the map");
  });
});
