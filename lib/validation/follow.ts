import { z } from "zod";
import { citySlugSchema } from "./auth";

/** Follow or unfollow one city: the form says which, so sending it twice changes nothing more. */
export const followSchema = z.strictObject({
  city: citySlugSchema,
  intent: z.enum(["follow", "unfollow"]),
});
export type FollowInput = z.infer<typeof followSchema>;
