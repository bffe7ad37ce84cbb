import { z } from "zod";

/** "Sign out" beside one of my sessions on /account. */
export const endSessionSchema = z.strictObject({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "That session is not one of yours."),
});
export type EndSessionInput = z.infer<typeof endSessionSchema>;
