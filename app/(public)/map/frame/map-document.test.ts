import { describe, expect, it } from "vitest";
import type { PolicyBadge } from "@/lib/policy-fields";
import { mapDocument, type MapPlace } from "./map-document";

const boston: MapPlace = {
  slug: "boston-ma",
  name: "Boston",
  badge: "sanctuary",
  latitude: 42.3601,
  longitude: -71.0589,
};

describe("mapDocument", () => {
  it("draws each place as a link named after it, in its status's group", () => {
    const html = mapDocument([
      boston,
      {
        ...boston,
        slug: "denver-co",
        name: "Denver",
        badge: "none",
        latitude: 39.7392,
        longitude: -104.9903,
      },
    ]);
    expect(html).toMatch(
      /<g class="s"><a href="boston-ma" target="_top" aria-label="Boston"><circle cx="\d+" cy="\d+"\/><\/a><\/g>/,
    );
    expect(html).toMatch(
      /<g class="n"><a href="denver-co"[^>]*aria-label="Denver"><rect x="\d+" y="\d+"\/>/,
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<base href="/cities/">'); // so "boston-ma" leads to /cities/boston-ma
  });

  it("leaves out places Albers USA cannot draw or that have no coordinates", () => {
    const html = mapDocument([
      { ...boston, slug: "san-juan-pr", name: "San Juan", latitude: 18.4655, longitude: -66.1057 },
      { ...boston, slug: "nowhere-ny", name: "Nowhere", latitude: null, longitude: null },
    ]);
    expect(html).not.toContain("<a ");
  });

  it("escapes names, so a proposed place cannot inject markup", () => {
    const html = mapDocument([{ ...boston, name: `"><script>alert(1)</script>` }]);
    expect(html).not.toContain("<script>");
    expect(html).toContain('aria-label="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it("stays small with 1,000 places (most of /map's 150 KB budget is the markers)", () => {
    const badges: PolicyBadge[] = ["sanctuary", "limited", "none", "unknown"];
    const places = Array.from({ length: 1000 }, (_, i) => ({
      slug: `load-city-${i + 1}-co`,
      name: `Load City ${i + 1}`,
      badge: badges[i % 4]!,
      latitude: 37.5 + (i % 30) / 10,
      longitude: -108 + Math.floor(i / 30) / 10,
    }));
    const html = mapDocument(places);
    expect(html.match(/<a /g)).toHaveLength(1000);
    expect(Buffer.byteLength(html)).toBeLessThan(115_000);
  });
});
