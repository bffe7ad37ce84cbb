// The map itself: a small HTML document holding one inline SVG, framed by /map.
// It is built as a string, outside React, so its thousand links are sent once
// (a React page would send every element twice: as HTML and again as the RSC
// payload that hydrates it), which keeps /map under its 150 KB budget.
import type { PolicyBadge } from "@/lib/policy-fields";
import { BASE_UNIT, baseMapPaths } from "@/lib/geo/base-map";
import { MARKER_ORDER, MARKERS } from "@/lib/geo/markers";
import { MAP_HEIGHT, MAP_WIDTH, projectToMap } from "@/lib/geo/projection";

export type MapPlace = {
  slug: string;
  name: string;
  badge: PolicyBadge;
  latitude: number | null;
  longitude: number | null;
};

export const MAP_TITLE = "Map of the United States: one link per city or county";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

// Each link opens in the page around the frame (target="_top": Chromium does not apply
// an HTML <base target> to SVG links); <base href> makes "/cities/" implicit. Markers
// are bare circles and squares sized here (no <use href="#…">, which a <base href>
// would point at another document). Shapes and colours as in lib/geo/markers.ts.
const STYLE = [
  "html,body{margin:0}",
  "svg{display:block;width:100%;height:auto}",
  ".land{fill:#e7e5e4}",
  ".b{fill:none;stroke:#fff;stroke-width:.5}",
  "circle,rect{stroke:#1c1917;stroke-width:1}",
  "circle{r:5px}",
  ".u circle{r:4px;stroke-width:2}",
  "rect{width:9px;height:9px}",
  ".l rect{transform:rotate(45deg);transform-box:fill-box;transform-origin:center}",
  "a:focus{outline:none}",
  "a:focus *{stroke:#1d4ed8;stroke-width:4}",
  ...MARKER_ORDER.map((b) => `.${MARKERS[b].id}{fill:${MARKERS[b].fill}}`),
].join("");

/** The markers of one status: `<a href aria-label><circle/></a>`, the leanest link SVG allows. */
function markerGroup(badge: PolicyBadge, places: MapPlace[]): string {
  const { id, element } = MARKERS[badge];
  let links = "";
  for (const p of places) {
    if (p.badge !== badge || p.latitude === null || p.longitude === null) continue;
    const point = projectToMap(p.latitude, p.longitude);
    if (!point) continue;
    const [x, y] = point;
    const shape =
      element === "circle" ? `<circle cx="${x}" cy="${y}"/>` : `<rect x="${x - 4}" y="${y - 4}"/>`;
    links += `<a href="${escapeHtml(p.slug)}" target="_top" aria-label="${escapeHtml(p.name)}">${shape}</a>`;
  }
  return links ? `<g class="${id}">${links}</g>` : "";
}

/** The framed map document for these places (those without a point on the map are left out). */
export function mapDocument(places: MapPlace[]): string {
  const { land, borders } = baseMapPaths();
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${MAP_TITLE}</title><base href="/cities/"><style>${STYLE}</style></head><body>` +
    `<svg viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" aria-label="${MAP_TITLE}">` +
    `<g transform="scale(${BASE_UNIT})" aria-hidden="true"><path class="land" d="${land}"/><path class="b" d="${borders}"/></g>` +
    MARKER_ORDER.map((b) => markerGroup(b, places)).join("") +
    `</svg></body></html>`
  );
}
