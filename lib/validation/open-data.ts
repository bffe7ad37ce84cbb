import { z } from "zod";
import { UPDATE_KINDS } from "@/lib/enums";

/*
 * The query strings of the open-data downloads. Unlike the /cities page, whose
 * filter drops what it cannot read, a program asking for a download gets a 400
 * naming its mistake: a silently unfiltered file would look like an answer.
 */

const stateCode = z
  .string()
  .regex(/^[A-Z]{2}$/, "state must be a two-letter postal code in capitals, such as CA.")
  .describe("Only jurisdictions in this state (two-letter postal code, such as `CA`).");

const citySlug = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/, "city must be a city slug, such as boston-ma.")
  .describe("Only this jurisdiction's updates (its slug, such as `boston-ma`).");

const updateKind = z
  .enum(UPDATE_KINDS, { error: `kind must be one of ${UPDATE_KINDS.join(", ")}.` })
  .describe("Only updates of this kind.");

export const citiesCsvQuerySchema = z.strictObject({ state: stateCode.optional() });
export type CitiesCsvQuery = z.infer<typeof citiesCsvQuerySchema>;

export const updatesCsvQuerySchema = z.strictObject({
  city: citySlug.optional(),
  kind: updateKind.optional(),
});
export type UpdatesCsvQuery = z.infer<typeof updatesCsvQuerySchema>;

/**
 * A query string read with a strict schema: each parameter at most once,
 * none unknown. The error is a sentence for the program's author.
 */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  params: URLSearchParams,
): { ok: true; data: z.output<S> } | { ok: false; message: string } {
  const seen = new Map<string, string>();
  for (const [key, value] of params) {
    if (seen.has(key)) return { ok: false, message: `Give ${key} at most once.` };
    seen.set(key, value);
  }
  // fromEntries makes own properties, so "__proto__" is a key like any other
  const parsed = schema.safeParse(Object.fromEntries(seen));
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    return { ok: false, message: `Unknown parameter: ${issue.keys.join(", ")}.` };
  }
  return { ok: false, message: issue.message };
}
