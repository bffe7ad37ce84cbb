import { z } from "zod";
import { PasswordEstimatorError } from "./password-strength";

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
    return refusedInput(input);
  }
}

/**
 * `safeParseInput` for schemas with asynchronous checks (a new password's,
 * which may first have to load its estimator): what server actions use. A
 * server that cannot load the estimator is a bug, and throws.
 */
export async function safeParseInputAsync<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Promise<z.ZodSafeParseResult<z.output<S>>> {
  try {
    return await schema.safeParseAsync(input);
  } catch (error) {
    if (error instanceof PasswordEstimatorError) throw error;
    return refusedInput(input);
  }
}

const refusedInput = <T>(input: unknown) =>
  ({
    success: false,
    error: new z.ZodError([
      { code: "custom", path: [], message: "The form sent values it should not have.", input },
    ]),
  }) as z.ZodSafeParseResult<T>;
