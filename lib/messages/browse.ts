// The words for what can be wrong with a /cities query or a /compare request.
import { POLICY_FIELDS, type PolicyFieldKey } from "@/lib/policy-fields";
import { MAX_COMPARED } from "@/lib/validation/compare";
import {
  TEXT_FILTER_MAX,
  type CityFilterKey,
  type CityFilterProblem,
} from "@/lib/validation/city-filter";

const quote = (value: string) => `“${value}”`;

/** A label for each query key, as the filter form names it. */
export const FILTER_LABELS: Record<CityFilterKey, string> = {
  state: "State",
  policy: "Policy",
  sort: "Sort by",
  per: "Per page",
  after: "Next page",
  before: "Previous page",
  ...(Object.fromEntries(
    (Object.keys(POLICY_FIELDS) as PolicyFieldKey[]).map((k) => [k, POLICY_FIELDS[k].label]),
  ) as Record<PolicyFieldKey, string>),
};

/** One sentence per problem, naming the value (cut short) and what to do. */
export function filterProblemMessage(key: CityFilterKey, problem: CityFilterProblem): string {
  const value = problem.value.slice(0, 40);
  switch (problem.code) {
    case "unknown_state":
      return `${quote(value)} is not a US state. Choose a state from the list.`;
    case "unknown_sort":
      return `${quote(value)} is not a way to sort the list. Choose one from “Sort by”.`;
    case "unknown_page_size":
      return `${quote(value)} is not a page size we offer. Choose 12, 24, 48 or 96.`;
    case "text_too_long":
      return `Use at most ${TEXT_FILTER_MAX} characters in “${FILTER_LABELS[key]}”.`;
    case "bad_cursor":
      return "This page link is damaged or out of date. Start again from the first page.";
    case "two_cursors":
      return "A page link cannot go both forward and back. Start again from the first page.";
    default:
      return `${quote(value)} is not a value of “${FILTER_LABELS[key]}”. Choose one from the list.`;
  }
}

export const compareMessages = {
  tooMany: (count: number) =>
    `You chose ${count} places; we can compare up to ${MAX_COMPARED} side by side. The first ${MAX_COMPARED} are shown.`,
  unknown: (slugs: string[]) =>
    slugs.length === 1
      ? `We have no place called ${quote(slugs[0]!.slice(0, 80))}. Check the address, or pick a place below.`
      : `We have no places called ${slugs.map((s) => quote(s.slice(0, 80))).join(", ")}. Check the address, or pick places below.`,
};
