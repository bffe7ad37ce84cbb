import { describe, expect, it } from "vitest";
import { policyBadge, policyValueLabel } from "./policy-fields";

describe("policyBadge", () => {
  it("derives the list badge from status and detainer policy", () => {
    expect(policyBadge("yes", "declines")).toBe("sanctuary");
    expect(policyBadge("unofficial", "honors_all")).toBe("limited");
    expect(policyBadge("no", "warrant_or_criteria")).toBe("limited");
    expect(policyBadge("no", "honors_all")).toBe("none");
    expect(policyBadge(undefined, undefined)).toBe("unknown");
  });
});

describe("policyValueLabel", () => {
  it("labels enumerated values and passes free text through", () => {
    expect(policyValueLabel("agreement_287g", "task_force")).toBe("Task force model");
    expect(policyValueLabel("federal_actions", "DOJ letter")).toBe("DOJ letter");
  });
});
