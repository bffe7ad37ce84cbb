import { describe, expect, it } from "vitest";
import { SEED_JURISDICTIONS } from "@/db/seed/jurisdictions";
import { jurisdictionSlug } from "./jurisdiction-slug";

describe("jurisdictionSlug", () => {
  it("gives the seeded slugs (New York City's was chosen by hand)", () => {
    for (const j of SEED_JURISDICTIONS.filter((j) => j.slug !== "new-york-ny")) {
      expect(jurisdictionSlug(j.name, j.state)).toBe(j.slug);
    }
  });

  it("folds accents and turns anything else into single hyphens", () => {
    expect(jurisdictionSlug("Santa Fe", "NM")).toBe("santa-fe-nm");
    expect(jurisdictionSlug("Santa Fé", "nm")).toBe("santa-fe-nm");
    expect(jurisdictionSlug("  Coeur d'Alene ", "ID")).toBe("coeur-d-alene-id");
    expect(jurisdictionSlug("Cañon City", "CO")).toBe("canon-city-co");
  });
});
