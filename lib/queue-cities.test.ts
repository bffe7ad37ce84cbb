import { describe, expect, it } from "vitest";
import { busiestCities } from "./queue-cities";

const city = (i: number, n: number) => ({
  slug: `c-${i}`,
  name: `City ${String(i).padStart(4, "0")}`,
  n,
});

describe("busiestCities", () => {
  const counts = Array.from({ length: 1000 }, (_, i) => city(i, i % 7 === 0 ? 50 : 1 + (i % 5)));

  it("offers the cities with the most waiting, in name order, and says how many more there are", () => {
    const { options, more } = busiestCities(counts, 50);
    expect(options).toHaveLength(50);
    expect(options.every((c) => c.n === 50)).toBe(true);
    expect(options.map((c) => c.name)).toEqual([...options.map((c) => c.name)].sort());
    expect(more).toBe(950);
  });

  it("offers every city when there are few", () => {
    const few = [city(2, 1), city(1, 3)];
    expect(busiestCities(few)).toEqual({ options: [city(1, 3), city(2, 1)], more: 0 });
  });
});
