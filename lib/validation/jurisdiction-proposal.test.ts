import { describe, expect, it } from "vitest";
import { proposalForm } from "@/test/proposals";
import { jurisdictionProposalSchema } from "./jurisdiction-proposal";
import { jurisdictionProposalServerSchema } from "./jurisdiction-proposal-server";

/** The first message on each field path the server's schema refused. */
function errorsOf(input: unknown): Record<string, string> {
  const result = jurisdictionProposalServerSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("jurisdictionProposalSchema", () => {
  it("parses a proposal: numbers, the state code, and only the known policy fields", () => {
    const parsed = jurisdictionProposalSchema.parse(proposalForm({ state: "nm" }));
    expect(parsed).toMatchObject({
      name: "Santa Fe",
      state: "NM",
      kind: "city",
      population: 87505,
      populationYear: 2020,
      latitude: 35.687,
      longitude: -105.938,
    });
    expect(parsed.facts.map((f) => f.field)).toEqual(["sanctuary_status", "ice_detainers"]);
    expect(parsed.facts[0]).toEqual({
      field: "sanctuary_status",
      value: "yes",
      detail: "A 1999 resolution, reaffirmed in 2016.",
      sourceUrl: "https://www.santafenm.gov/resolution-2016-77",
      asOf: "2016-12-14",
    });
  });

  it("refuses coordinates outside the chosen state, on both coordinate fields", () => {
    // Boston's coordinates, proposed for New Mexico
    const errors = errorsOf(proposalForm({ latitude: "42.3601", longitude: "-71.0589" }));
    expect(errors.latitude).toBe(
      "This point is outside New Mexico: check the latitude and longitude.",
    );
    expect(errors.longitude).toBe(
      "This point is outside New Mexico: check the latitude and longitude.",
    );
    // the same point in Massachusetts is fine
    expect(
      errorsOf(proposalForm({ state: "MA", latitude: "42.3601", longitude: "-71.0589" })),
    ).toEqual({});
    // the browser's schema leaves this check to the server (no boundaries in the bundle)
    expect(
      jurisdictionProposalSchema.safeParse(
        proposalForm({ latitude: "42.3601", longitude: "-71.0589" }),
      ).success,
    ).toBe(true);
  });

  it("reports every field's problem at once, each on its own field", () => {
    const errors = errorsOf(
      proposalForm({
        name: "",
        state: "XX",
        latitude: "north",
        population: "lots",
        description: "short",
        facts: {
          info_sharing: { value: "limited", detail: "", sourceUrl: "", asOf: "" },
          jail_access: { value: "open", detail: "", sourceUrl: "ftp://x", asOf: "2017-02-30" },
        },
      }),
    );
    expect(errors).toMatchObject({
      name: "Enter the jurisdiction's name.",
      state: "Choose a state.",
      latitude: "Enter the latitude in decimal degrees, e.g. 35.687.",
      population: "Enter the population as a whole number, e.g. 87505.",
      description: "Use at least 20 characters.",
      "facts.info_sharing.sourceUrl": "Enter the source's web address.",
      "facts.info_sharing.asOf": "Enter a date.",
      "facts.jail_access.value": "Choose one of the listed values.",
      "facts.jail_access.sourceUrl": "Enter a web address starting with http:// or https://.",
    });
  });

  it("refuses fields it does not know (strict)", () => {
    expect(
      jurisdictionProposalSchema.safeParse({ ...proposalForm(), status: "approved" }).success,
    ).toBe(false);
    expect(jurisdictionProposalSchema.safeParse({ ...proposalForm(), authorId: "1" }).success).toBe(
      false,
    );
  });
});
