import { SIGN_IN_ERROR_CODES } from "@/lib/validation/sign-in-errors";

/** Turns next-auth's error code into words; unknown emails and wrong passwords read the same. */
export function signInErrorMessage(code: string | null | undefined): string {
  if (code === SIGN_IN_ERROR_CODES.banned)
    return "This account is banned. Contact the moderators if you think this is a mistake.";
  if (code?.startsWith(SIGN_IN_ERROR_CODES.rateLimited)) {
    return `Too many sign-in attempts. Try again ${code.slice(SIGN_IN_ERROR_CODES.rateLimited.length)}.`;
  }
  return "The email or password is incorrect.";
}
