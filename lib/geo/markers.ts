import type { PolicyBadge } from "@/lib/policy-fields";

/**
 * How the map draws each sanctuary status: a shape as well as a colour, so the
 * legend does not rely on colour alone. `element` is what the map uses (sized by
 * its stylesheet, to keep a thousand markers small); `d` draws the same shape
 * for the legend, centred on 0,0.
 */
export const MARKERS: Record<
  PolicyBadge,
  { id: string; shape: string; element: "circle" | "rect"; d: string; fill: string }
> = {
  sanctuary: {
    id: "s",
    shape: "circle",
    element: "circle",
    d: "M-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0z",
    fill: "#047857",
  },
  limited: { id: "l", shape: "diamond", element: "rect", d: "M0-6 6 0 0 6-6 0z", fill: "#b45309" },
  none: { id: "n", shape: "square", element: "rect", d: "M-4.5-4.5h9v9h-9z", fill: "#57534e" },
  unknown: {
    id: "u",
    shape: "hollow circle",
    element: "circle",
    d: "M-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0z",
    fill: "#ffffff",
  },
};

/** The order of the legend and of drawing (the last drawn is on top). */
export const MARKER_ORDER: PolicyBadge[] = ["sanctuary", "limited", "none", "unknown"];
