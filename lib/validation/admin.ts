import { z } from "zod";
import { hasControlChars } from "./auth";
import { ROLES, type Role } from "@/lib/enums";

const userId = z.coerce.number({ error: "Unknown user." }).int().positive().max(2_147_483_647);
const reason = z
  .string({ error: "Give a reason." })
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(500, "Use at most 500 characters.")
  .refine((r) => !hasControlChars(r), "Remove control characters from the reason.");

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
  q: z
    .string()
    .trim()
    .max(100)
    .refine((q) => !hasControlChars(q))
    .optional()
    .catch(undefined),
  after: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

export const ROLE_LABELS: Record<Role, string> = {
  resident: "Resident",
  moderator: "Moderator",
  admin: "Admin",
};
