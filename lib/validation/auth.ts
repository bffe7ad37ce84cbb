import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { codePoints, lineText, tidy } from "./text";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .overwrite(tidy)
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."));

/**
 * New passwords: 8+ characters, long passphrases in any script kept whole, common ones refused.
 * Passwords are neither normalised nor trimmed nor filtered: the hash is of exactly what was typed,
 * and the same keys must go on matching it.
 */
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .refine((p) => codePoints(p) >= 8, "Use at least 8 characters.")
  .refine((p) => codePoints(p) <= 256, "Use at most 256 characters.")
  .refine((p) => !isCommonPassword(p), "This password is too common. Choose another one.");

/** Passwords typed to prove who you are: only bounded, never judged. */
export const currentPasswordSchema = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(1024, "That password is too long.");

export const nameSchema = lineText({
  min: 1,
  max: 80,
  missing: "Enter your name.",
  field: "your name",
});

export const citySlugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/, "Choose a city from the list.");

export const signUpSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  homeCity: z.union([z.literal(""), citySlugSchema]).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: currentPasswordSchema,
});
export type SignInInput = z.infer<typeof signInSchema>;
