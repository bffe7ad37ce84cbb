import { z } from "zod";
import { emailSchema } from "./auth";
import { newPasswordSchema, strongPassword, type PasswordOwner } from "./password-strength";

/** "Forgot your password?": the address to send a reset link to. */
export const forgotPasswordSchema = z.strictObject({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

/** A link's token as it arrives in a URL or a hidden field: base64url, bounded. */
export const linkTokenSchema = z
  .string({ error: "This link is not valid." })
  .regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid.");

const resetPasswordFields = z.strictObject({
  token: linkTokenSchema,
  newPassword: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordFields>;

/**
 * Setting a new password with a reset link: the same rule as sign-up, with the
 * account's name and email (which the form does not hold) from the link's
 * account. Parse with `safeParseAsync` (see ./password-strength).
 */
export const resetPasswordSchemaFor = (owner: PasswordOwner) =>
  resetPasswordFields.check(strongPassword<ResetPasswordInput>("newPassword", () => owner));

/** The form's own check in the browser, which does not know whose account it is. */
export const resetPasswordSchema = resetPasswordSchemaFor({});
