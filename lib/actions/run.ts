import type { z } from "zod";
import { safeParseInput } from "@/lib/validation/parse";
import { failure, invalid, type ActionResult } from "./result";

/**
 * The shape of every server action: parse the input with the form's schema
 * (unknown keys refused), run the DAL, turn refusals and bugs into results.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fn: (data: z.infer<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const parsed = safeParseInput(schema, input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return await fn(parsed.data);
  } catch (error) {
    return failure(error);
  }
}
