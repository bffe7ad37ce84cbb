import { z } from "zod";
import { POLICY_BADGE_LABELS, type PolicyBadge } from "@/lib/policy-fields";

const badges = Object.keys(POLICY_BADGE_LABELS) as [PolicyBadge, ...PolicyBadge[]];

/** The /cities filter, from the query string; anything invalid is dropped, not an error page. */
export const cityFilterSchema = z.object({
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  policy: z.enum(badges).optional().catch(undefined),
});

export type CityFilterInput = z.infer<typeof cityFilterSchema>;

/** Reads the filter from Next's searchParams (values may repeat; the first wins). */
export function parseCityFilter(params: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return cityFilterSchema.parse({ state: first(params.state), policy: first(params.policy) });
}
