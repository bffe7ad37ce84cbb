import { z } from "zod";
import { lineText, longText } from "./text";
import { ROLES } from "@/lib/enums";

const userId = z.coerce.number({ error: "Unknown user." }).int().positive().max(2_147_483_647);
const reason = longText({
  min: 3,
  max: 500,
  missing: "Give a reason.",
  short: "Give a reason of at least 3 characters.",
  field: "the reason",
});

export const setRoleSchema = z.strictObject({
  userId,
  role: z.enum(ROLES, { error: "Choose a role." }),
  reason: reason.optional(),
});
export type SetRoleInput = z.infer<typeof setRoleSchema>;

export const banUserSchema = z.strictObject({ userId, reason });
export type BanUserInput = z.infer<typeof banUserSchema>;

export const unbanUserSchema = z.strictObject({ userId, reason });
export type UnbanUserInput = z.infer<typeof unbanUserSchema>;

export const userSearchSchema = z.object({
  q: lineText({ max: 100 }).optional().catch(undefined),
  after: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});
