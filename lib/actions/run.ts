import type { z } from "zod";
import { safeParseInputAsync } from "@/lib/validation/parse";
import type { DalResult } from "@/lib/refusals";
import { failure, invalid, refused, type ActionResult } from "./result";

/**
 * The shape of every server action: parse the input with the form's schema
 * (unknown keys refused), run the DAL, and turn its refusals (reason codes)
 * into words, and bugs into a generic message.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.infer<S>) => Promise<DalResult<T>>,
): Promise<ActionResult<T>> {
  try {
    const parsed = await safeParseInputAsync(schema, input);
    if (!parsed.success) return invalid(parsed.error);
    const result = await fn(parsed.data);
    return result.ok ? result : refused(result.refusal);
  } catch (error) {
    return failure(error);
  }
}
