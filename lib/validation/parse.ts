import { z } from "zod";

/**
 * `schema.safeParse(input)` that never throws. Zod runs some checks (string
 * length, coercion) on values of the wrong type, and a hostile value such as
 * `{ length: Object.create(null) }` makes them throw while comparing; here
 * that is one more invalid input, not a crash.
 */
export function safeParseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  try {
    return schema.safeParse(input);
  } catch {
    return {
      success: false,
      error: new z.ZodError([
        { code: "custom", path: [], message: "The form sent values it should not have.", input },
      ]),
    } as z.ZodSafeParseResult<z.output<S>>;
  }
}
