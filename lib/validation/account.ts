import { z } from "zod";
import { citySlugSchema, currentPasswordSchema, nameSchema, newPasswordSchema } from "./auth";

export const changeNameSchema = z.strictObject({ name: nameSchema });
export type ChangeNameInput = z.infer<typeof changeNameSchema>;

export const changePasswordSchema = z
  .strictObject({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const homeCitySchema = z.strictObject({
  homeCity: z.union([z.literal(""), citySlugSchema]),
});
export type HomeCityInput = z.infer<typeof homeCitySchema>;

export const deleteAccountSchema = z.strictObject({
  password: currentPasswordSchema,
  confirm: z.literal("delete my account", {
    error: 'Type "delete my account" to confirm.',
  }),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
