import { describe, expect, it } from "vitest";
import { SEED_JURISDICTIONS } from "@/db/seed/jurisdictions";
import { stateByCode, US_STATES } from "./us-states";

describe("US_STATES", () => {
  it("has the 50 states, DC and the five inhabited territories, each code and FIPS once", () => {
    expect(US_STATES).toHaveLength(56);
    expect(new Set(US_STATES.map((s) => s.code)).size).toBe(56);
    expect(new Set(US_STATES.map((s) => s.fips)).size).toBe(56);
  });

  it("knows the state of every seeded place, under the name the seed gives it", () => {
    for (const j of SEED_JURISDICTIONS) expect(stateByCode(j.state)?.name).toBe(j.stateName);
  });

  it("finds a state by its code in either case, and nothing for a code that is not one", () => {
    expect(stateByCode(" nm ")?.name).toBe("New Mexico");
    expect(stateByCode("ZZ")).toBeUndefined();
  });
});
