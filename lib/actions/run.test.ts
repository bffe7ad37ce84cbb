import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AuthError } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import { runAction } from "./run";

const schema = z.strictObject({ id: z.number() });

describe("runAction", () => {
  it("answers the DAL's success as it is", async () => {
    const done: DalResult<{ id: number }> = { ok: true, data: { id: 3 } };
    expect(await runAction(schema, { id: 3 }, async () => done)).toBe(done);
  });

  it("turns a DAL refusal into the words the form shows", async () => {
    expect(
      await runAction(schema, { id: 3 }, async () => ({
        ok: false,
        refusal: { code: "already_decided", status: "approved", by: "Robin" },
      })),
    ).toEqual({ ok: false, formError: "Already decided by Robin (approved)." });
    expect(
      await runAction(schema, { id: 3 }, async () => ({
        ok: false,
        refusal: { code: "wrong_password", field: "currentPassword" },
      })),
    ).toEqual({
      ok: false,
      fieldErrors: { currentPassword: "That is not your current password." },
    });
  });

  it("turns a session check's refusal into a form error", async () => {
    expect(
      await runAction(schema, { id: 3 }, async () => {
        throw new AuthError("banned", "spam links");
      }),
    ).toEqual({
      ok: false,
      formError: "Your account is banned, so you cannot do this. Reason: spam links",
    });
  });

  it("answers a database that cannot be reached with a form message, not a bug's", async () => {
    const lost = new Error("Failed query: insert …", {
      cause: new Error("Connection terminated unexpectedly"),
    });
    expect(
      await runAction(schema, { id: 3 }, async () => {
        throw lost;
      }),
    ).toEqual({
      ok: false,
      formError: "The database is unavailable; nothing was saved. Try again in a minute.",
    });
  });

  it("never calls the DAL with input the schema refuses", async () => {
    const dal = vi.fn(async () => ({ ok: true as const, data: null }));
    expect(await runAction(schema, { id: 3, role: "admin" }, dal)).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "The form sent fields it should not have.",
    });
    expect(dal).not.toHaveBeenCalled();
  });
});
