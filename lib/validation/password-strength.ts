import type { Score, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { z } from "zod";
import { codePoints } from "./text";

// The rule for new passwords, in one place: sign-up, the password change on
// /account and any later form that sets one (a reset) check it through the zod
// pieces below, in the server action and in the browser (zodResolver).
//
// Passwords are neither normalised nor trimmed nor filtered: the hash is of
// exactly what was typed, and the same keys must go on matching it. Only the
// comparisons below fold case.
//
// The estimator (zxcvbn-ts with its English and common dictionaries, about
// 1 MB) is not imported here but loaded on first use: in the browser that puts
// it in a chunk of its own, fetched when the person starts typing a password
// (or sends the form), never with the page; on the server it is one module
// load per process, the first time a password is checked. Once loaded, every
// check is synchronous.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * zxcvbn's score (0–4) a new password needs. 3 is "safely unguessable":
 * about 10^8 guesses or more, which an online attacker cannot make and which
 * argon2 makes slow offline.
 */
export const MIN_SCORE = 3;

/**
 * An email's local part or a name shorter than this is refused only when the
 * password is that and nothing more: "Al" or "jo" turn up inside plenty of
 * good passwords. (zxcvbn still counts them as guessable, as user inputs.)
 */
export const MIN_CONTAINED_LENGTH = 3;

/**
 * zxcvbn looks at the first 64 characters only, and tries at most 8 leet
 * substitutions: its matching grows quickly with length, and a crafted
 * 256-character password took seconds of the server's CPU with the defaults.
 * A password whose first 64 characters are hard to guess is hard to guess.
 */
const ESTIMATOR_LIMITS = { maxLength: 64, l33tMaxSubstitutions: 8 };

/** This site's own words, which make a password easier to guess here. */
const SITE_WORDS = ["citywatch", "city watch", "sanctuary", "immigration"];

/** Who the password belongs to: it must not contain their name or email. */
export type PasswordOwner = { name?: string | null; email?: string | null };

export type PasswordVerdict = {
  /** 0–4, zxcvbn's; 0 when a rule below refuses the password before it is estimated. */
  score: Score;
  /** Why the password may not be used, in a sentence for the person; null when it may. */
  problem: string | null;
  /** What would make it better (for the live hint); null when nothing needs to. */
  advice: string | null;
};

export const PASSWORD_MESSAGES = {
  missing: "Choose a password.",
  short: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  long: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  email: "Your password must not contain your email address.",
  name: "Your password must not contain your name.",
  guessable: "This password is too easy to guess.",
  /** When zxcvbn refuses a password without a suggestion of its own. */
  anotherWord: "Add another word or two that are less common.",
} as const;

/** Its length, in characters as people count them (code points), or null when fine. */
export function passwordLengthProblem(password: string): string | null {
  const n = codePoints(password);
  if (n < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.short;
  if (n > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.long;
  return null;
}

/** Case and compatibility forms folded for comparing (NFKC, as emails are: a full-width Ａ is an A). */
const fold = (s: string) => s.normalize("NFKC").toLowerCase();
/** Letters and digits only: "Ann Lee", "ann.lee" and "ann-lee" are all "annlee". */
const compact = (s: string) => fold(s).replace(/[^\p{L}\p{N}]/gu, "");

/** Whether `password` is `word` or, when `word` is long enough, holds it (both compacted). */
function holds(password: string, word: string): boolean {
  const w = compact(word);
  if (!w) return false;
  const p = compact(password);
  return p === w || (codePoints(w) >= MIN_CONTAINED_LENGTH && p.includes(w));
}

/** Whether the password contains its owner's email address or name, and which. */
export function ownerProblem(password: string, owner: PasswordOwner): string | null {
  const email = fold(owner.email?.trim() ?? "");
  const local = email.includes("@") ? email.slice(0, email.lastIndexOf("@")) : email;
  if (email && (fold(password).includes(email) || holds(password, local))) {
    return PASSWORD_MESSAGES.email;
  }
  if (owner.name && holds(password, owner.name)) return PASSWORD_MESSAGES.name;
  return null;
}

/** The words zxcvbn treats as the easiest to guess for this person: their name, email and ours. */
function userInputs(owner: PasswordOwner): string[] {
  const words = new Set(SITE_WORDS);
  for (const value of [owner.name, owner.email]) {
    if (!value) continue;
    const folded = fold(value.trim());
    words.add(folded);
    for (const part of folded.split(/[^\p{L}\p{N}]+/u)) if (part) words.add(part);
  }
  return [...words];
}

/** The server could not load the estimator: its own fault, not the form's. */
export class PasswordEstimatorError extends Error {}

let estimator: ZxcvbnFactory | undefined;
let loading: Promise<ZxcvbnFactory> | undefined;

/**
 * Loads the estimator once per page or process (the browser fetches it then).
 * Resolves when `passwordVerdict` can answer; a failed load is tried again on
 * the next call.
 */
export async function loadPasswordEstimator(): Promise<void> {
  loading ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(([core, common, en]) => {
    estimator = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: {
        ...en.translations,
        warnings: {
          ...en.translations.warnings,
          userInputs: "It uses your name, your email address or this site's name.",
        },
      },
      ...ESTIMATOR_LIMITS,
    });
    return estimator;
  });
  try {
    await loading;
  } catch (error) {
    loading = undefined;
    throw error;
  }
}

/**
 * The verdict on a new password for its owner: length, then their email and
 * name, then how guessable it is. Undefined until `loadPasswordEstimator` has
 * resolved.
 */
export function passwordVerdict(
  password: string,
  owner: PasswordOwner,
): PasswordVerdict | undefined {
  const rule = passwordLengthProblem(password) ?? ownerProblem(password, owner);
  if (rule) return { score: 0, problem: rule, advice: rule };
  if (!estimator) return undefined;
  const { score, feedback } = estimator.check(password, userInputs(owner));
  if (score >= MIN_SCORE) return { score, problem: null, advice: null };
  const suggestions = feedback.suggestions.length
    ? feedback.suggestions
    : [PASSWORD_MESSAGES.anotherWord];
  const advice = [feedback.warning, ...suggestions].filter(Boolean).join(" ");
  return { score, problem: `${PASSWORD_MESSAGES.guessable} ${advice}`, advice };
}

/** Why `password` may not be its owner's new password, or null. Loads the estimator if needed. */
export async function passwordProblem(
  password: string,
  owner: PasswordOwner,
): Promise<string | null> {
  const quick = passwordVerdict(password, owner);
  if (quick) return quick.problem;
  await loadPasswordEstimator();
  return passwordVerdict(password, owner)!.problem;
}

// ---- the zod pieces ------------------------------------------------------------

/**
 * A new password field on its own: a string of 8 to 256 characters. Whether it
 * is hard to guess depends on whose it is: add `strongPassword` to the form's
 * object schema.
 */
export const newPasswordSchema = z
  .string({ error: PASSWORD_MESSAGES.missing })
  .refine((p) => codePoints(p) >= MIN_PASSWORD_LENGTH, PASSWORD_MESSAGES.short)
  .refine((p) => codePoints(p) <= MAX_PASSWORD_LENGTH, PASSWORD_MESSAGES.long);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * The check a form's object schema adds for its new password field `field`:
 * the field's error when the password is too easy to guess or contains the
 * owner's email or name. `ownerOf` reads them from the form (sign-up) or
 * answers them from the server (the signed-in person, the account being
 * reset). It runs as soon as the password field itself is valid, whatever the
 * other fields hold, so every error shows at once.
 *
 * Synchronous once the estimator is loaded; before that it returns a promise,
 * so parse with `safeParseAsync` (the server actions and zodResolver do).
 */
export function strongPassword<T>(
  field: keyof T & string,
  ownerOf: (form: Partial<Record<keyof T, unknown>>) => { name?: unknown; email?: unknown },
) {
  return z.superRefine<T>(
    (value, ctx) => {
      const form = value as Partial<Record<keyof T, unknown>>;
      const password = text(form[field]);
      if (password === undefined) return;
      const given = ownerOf(form);
      const owner = { name: text(given.name), email: text(given.email) };
      const report = (problem: string | null) => {
        if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
      };
      const verdict = passwordVerdict(password, owner);
      if (verdict) return report(verdict.problem);
      return loadPasswordEstimator().then(
        () => report(passwordVerdict(password, owner)!.problem),
        (error: unknown) => {
          // A browser that could not fetch the estimator sends the form: the server judges it.
          if (typeof window === "undefined") {
            throw new PasswordEstimatorError("could not load the password estimator", {
              cause: error,
            });
          }
        },
      );
    },
    {
      when: (payload) =>
        isRecord(payload.value) && !payload.issues.some((issue) => issue.path?.[0] === field),
    },
  );
}
