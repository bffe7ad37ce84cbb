// QUALITY.md security 11: people see short, generic errors; the details go to
// the server log with a request id. Sign-ins, permission refusals and
// moderation decisions are logged with who, what and when (UTC), no secrets.
import { afterEach, describe, expect, it, vi } from "vitest";
import { failure } from "@/lib/actions/result";
import { AuthError, requireRole } from "@/lib/auth/current-user";
import { verifyCredentials } from "@/lib/dal/people/auth";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { createTestCity } from "@/test/edits";
import { submission } from "@/test/updates";
import { submitUpdate } from "@/lib/dal/submissions/updates";
import { actAs, createTestUser, uniqueIp } from "@/test/users";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));

const UTC = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/;
const logged = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => String(c[0]));

describe("what people see and what the log keeps", () => {
  afterEach(() => vi.restoreAllMocks());

  it("an unexpected error shows a generic message and a reference; the log has the details", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = "postgres://citywatch:hunter2@db.internal/citywatch";
    const result = failure(new Error(`connect failed: ${secret}`));
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : (result.formError ?? "");
    const reference =
      /^Something went wrong on our side\. Please try again\. \(Reference ([0-9a-f]{8})\)$/.exec(
        message,
      );
    expect(reference).not.toBeNull();
    expect(message).not.toContain("hunter2");
    const [line] = logged(error);
    expect(line).toMatch(UTC);
    expect(line).toContain(`[${reference![1]}`);
    expect(line).toContain(secret);
  });

  it("a refusal is logged with the action, the reason and who asked", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const resident = await createTestUser();
    actAs(resident);
    await expect(requireRole("ban user", "admin")).rejects.toBeInstanceOf(AuthError);
    actAs(null);
    await expect(requireRole("ban user", "admin")).rejects.toBeInstanceOf(AuthError);
    const lines = logged(warn);
    expect(lines[0]).toMatch(
      new RegExp(`^\\[auth\\] ${UTC.source} refused ban user: forbidden user=${resident.id}$`),
    );
    expect(lines[1]).toMatch(/refused ban user: unauthenticated user=anonymous$/);
  });

  it("sign-ins are logged with the account and the IP, never the password", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const user = await createTestUser({ password: "a distinctive passphrase 7431" });
    const ip = uniqueIp();
    await verifyCredentials({ email: user.email, password: "a distinctive passphrase 7431" }, ip);
    await verifyCredentials({ email: user.email, password: "wrong passphrase 7431" }, ip);
    const lines = logged(info).filter((l) => l.startsWith("[auth]"));
    expect(lines[0]).toMatch(
      new RegExp(`^\\[auth\\] ${UTC.source} sign-in user=${user.id} ip=${ip}$`),
    );
    expect(lines[1]).toMatch(new RegExp(`sign-in refused ip=${ip}$`));
    expect(lines.join("\n")).not.toContain("passphrase");
    expect(lines.join("\n")).not.toContain(user.email);
  });

  it("a moderation decision is logged with the moderator, the decision and the item", async () => {
    const author = await createTestUser();
    const moderator = await createTestUser({ role: "moderator" });
    actAs(author);
    const city = await createTestCity();
    const sent = await submitUpdate(city.slug, submission("Logged decision"));
    if (!sent.ok) throw new Error("submission refused");
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    actAs(moderator);
    const decided = await decideSubmission({
      type: "update",
      id: sent.data.id,
      version: 1,
      decision: "reject",
      reason: "No source for this.",
    });
    expect(decided.ok).toBe(true);
    const audit = logged(info).filter((l) => l.startsWith("[audit]"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatch(
      new RegExp(`^\\[audit\\] ${UTC.source} \\S*reject\\S* actor=${moderator.id} target=`),
    );
    expect(audit[0]).toContain(`update:${sent.data.id}`);
  });
});
