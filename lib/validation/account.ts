import { z } from "zod";
import { citySlugSchema, currentPasswordSchema, emailSchema, nameSchema } from "./auth";
import { newPasswordSchema, strongPassword, type PasswordOwner } from "./password-strength";

export const changeNameSchema = z.strictObject({ name: nameSchema });
export type ChangeNameInput = z.infer<typeof changeNameSchema>;

const changePasswordFields = z
  .strictObject({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordFields>;

/**
 * The password change of `owner`, the signed-in person: the form holds neither
 * their name nor their email, so the server action passes them from the
 * session and the page passes them to the browser's form. Parse with
 * `safeParseAsync` (see ./password-strength).
 */
export const changePasswordSchemaFor = (owner: PasswordOwner) =>
  changePasswordFields.check(strongPassword<ChangePasswordInput>("newPassword", () => owner));

/** A new address for the account, confirmed by the password. */
export const changeEmailSchema = z.strictObject({
  newEmail: emailSchema,
  password: currentPasswordSchema,
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

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
