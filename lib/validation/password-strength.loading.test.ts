// Before the estimator is loaded (a fresh page, a fresh server process): this
// file names no sign-up or password-change schema, so test/setup-passwords.ts
// leaves the estimator unloaded here.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  loadPasswordEstimator,
  newPasswordSchema,
  PASSWORD_MESSAGES,
  passwordVerdict,
  strongPassword,
} from "./password-strength";

const owner = { name: "Ann Lee", email: "ann.lee@example.org" };
const form = z
  .strictObject({ password: newPasswordSchema })
  .check(strongPassword<{ password: string }>("password", () => owner));

describe("the estimator, loaded on first use", () => {
  it("answers what needs no estimator at once, and the rest once it is loaded", async () => {
    // Too short, or holding the email: known without the dictionaries.
    expect(passwordVerdict("short", owner)?.problem).toBe(PASSWORD_MESSAGES.short);
    expect(passwordVerdict("ann.lee harbor canoe", owner)?.problem).toBe(PASSWORD_MESSAGES.email);
    expect(passwordVerdict("Summer2024!", owner)).toBeUndefined();

    // A schema parse loads it (the server action's and zodResolver's safeParseAsync)...
    const weak = await form.safeParseAsync({ password: "Summer2024!" });
    expect(weak.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["password"], expect.stringMatching(/^This password is too easy to guess\. /)],
    ]);
    // ...and from then on every check is synchronous.
    expect(passwordVerdict("Summer2024!", owner)?.score).toBe(2);
    expect(form.safeParse({ password: "violet-harbor-canoe-71" }).success).toBe(true);
    await expect(loadPasswordEstimator()).resolves.toBeUndefined();
  });
});
