import { z } from "zod";
import { newPasswordSchema, strongPassword } from "./password-strength";
import { lineText } from "./text";

/**
 * An email address as people expect it compared: surrounding spaces trimmed,
 * Unicode-normalised (NFKC, so a full-width Ａ is an A) and lower-cased. The
 * database refuses two accounts whose addresses normalise alike (the same
 * expression, in a unique index: db/schema/users.ts).
 */
export const normalizeEmail = (s: string) => s.trim().normalize("NFKC").toLowerCase();

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .overwrite(normalizeEmail)
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."));

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

const signUpFields = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  homeCity: z.union([z.literal(""), citySlugSchema]).optional(),
});
export type SignUpInput = z.infer<typeof signUpFields>;

/**
 * Sign-up: the password must be hard to guess and hold neither the name nor
 * the email typed beside it. Parse with `safeParseAsync` (see ./password-strength).
 */
export const signUpSchema = signUpFields.check(
  strongPassword<SignUpInput>("password", (form) => ({ name: form.name, email: form.email })),
);

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: currentPasswordSchema,
});
export type SignInInput = z.infer<typeof signInSchema>;
