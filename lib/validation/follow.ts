import { z } from "zod";
import { citySlugSchema } from "./auth";

/** Follow or unfollow one city. */
export const followSchema = z.strictObject({ city: citySlugSchema });
export type FollowInput = z.infer<typeof followSchema>;
