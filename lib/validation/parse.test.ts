import { describe, expect, it, vi } from "vitest";
import { runAction } from "@/lib/actions/run";
import { signInSchema } from "./auth";
import { decideSchema } from "./moderation";
import { safeParseInput } from "./parse";
import { profileEditSchema } from "./profile-edit";

// Values on which zod's own checks throw instead of reporting an issue: a string
// length check still runs on a non-string with a `length`, and comparing a
// `length` that has no prototype throws. (fast-check found the first in CI: {"reason":{"length":{__proto__:null}}}.)
// The text rules (./text.ts) count only strings, so a reason or a note no longer
// throws; the email, the passwords and the profile form's raw fields still use
// zod's length checks.
const crasher = () => ({ length: Object.create(null) as object });
const CRASHERS: [string, unknown][] = [
  ["signIn", { email: "ann@example.org", password: crasher() }],
  ["signIn", { email: crasher(), password: "a password" }],
  ["edit", { note: "", fields: { leader: { fromValue: crasher() } } }],
];
const SCHEMAS = { signIn: signInSchema, edit: profileEditSchema };

describe("safeParseInput", () => {
  it.each(CRASHERS)("%s: a value zod throws on is an invalid input, not a crash", (name, input) => {
    const schema = SCHEMAS[name as keyof typeof SCHEMAS];
    expect(() => schema.safeParse(input)).toThrow(); // what it guards against
    const result = safeParseInput(schema, input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("The form sent values it should not have.");
  });

  it("passes valid input through unchanged", () => {
    expect(
      safeParseInput(decideSchema, { type: "edit", id: "3", version: "1", decision: "approve" }),
    ).toEqual({
      success: true,
      data: { type: "edit", id: 3, version: 1, decision: "approve", reason: "" },
    });
  });

  it("a reason or note with such a `length` is a field error now, not a throw", () => {
    const reason = { type: "update", id: 1, version: 1, decision: "reject", reason: crasher() };
    expect(decideSchema.safeParse(reason).error?.issues.map((i) => i.path)).toEqual([["reason"]]);
    const note = profileEditSchema.safeParse({ note: crasher(), fields: 3 });
    expect(note.error?.issues.map((i) => i.path)).toEqual([["note"], ["fields"]]);
  });

  it("keeps such a value away from the DAL in every server action", async () => {
    const dal = vi.fn();
    const result = await runAction(signInSchema, CRASHERS[0]![1], dal);
    expect(result).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "The form sent values it should not have.",
    });
    expect(dal).not.toHaveBeenCalled();
  });
});
