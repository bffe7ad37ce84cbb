import { z } from "zod";

const MAX_ID = 2_147_483_647;

/** A positive database id written as plain digits ("12", not "1e1", "0x0c" or " 12"). */
const idString = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .refine((v) => Number(v) <= MAX_ID);

/** The /moderation/log filter, from the query string; anything invalid is dropped, not an error page. */
export const auditLogFilterSchema = z.object({
  moderator: idString.transform(Number).optional().catch(undefined),
  city: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  before: idString.optional().catch(undefined),
});

export type AuditLogFilterInput = z.infer<typeof auditLogFilterSchema>;

/** Reads the filter from Next's searchParams (values may repeat; the first wins; empty means unset). */
export function parseAuditLogFilter(
  params: Record<string, string | string[] | undefined>,
): AuditLogFilterInput {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return auditLogFilterSchema.parse({
    moderator: first(params.moderator),
    city: first(params.city),
    before: first(params.before),
  });
}
