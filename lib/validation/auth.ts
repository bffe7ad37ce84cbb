import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

/** Control and format characters (NUL, bidi overrides…) have no place in what people type here. */
export const hasControlChars = (s: string) => /[\p{Cc}\p{Cf}]/u.test(s.replace(/[\n\r\t]/g, ""));

/** Counts characters as people see them (code points), so any script counts fairly. */
const length = (s: string) => [...s].length;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."));

/** New passwords: 8+ characters, long passphrases in any script kept whole, common ones refused. */
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .refine((p) => length(p) >= 8, "Use at least 8 characters.")
  .refine((p) => length(p) <= 256, "Use at most 256 characters.")
  .refine((p) => !isCommonPassword(p), "This password is too common. Choose another one.");

/** Passwords typed to prove who you are: only bounded, never judged. */
export const currentPasswordSchema = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(1024, "That password is too long.");

export const nameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(80, "Use at most 80 characters.")
  .refine((n) => !/[\p{Cc}\p{Cf}]/u.test(n), "Remove control characters from your name.");

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
