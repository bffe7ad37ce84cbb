// An account email leaves within a second, not at the mail worker's next tick:
// queueing one wakes the worker in the same process (lib/outbox-signal.ts).
// The worker here ticks once every ten minutes, so only the wake can send it.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createOwnDatabase } from "@/test/own-database";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
const dir = await mkdtemp(path.join(tmpdir(), "citywatch-wake-"));
vi.stubEnv("MAIL_OUTBOX_DIR", dir);
vi.stubEnv("MAIL_INTERVAL_MS", String(10 * 60_000));
vi.stubEnv("MAIL_WORKER", "on");
vi.stubEnv("NEXTAUTH_URL", "https://citywatch.test");

const dropDatabase = await createOwnDatabase();
const { getDb } = await import("@/db/client");
const { createTestUser, uniqueIp } = await import("@/test/users");
const { requestPasswordReset } = await import("@/lib/dal/people/password-reset");
const { startMailWorker } = await import("@/lib/mail/worker");

beforeAll(async () => {
  await getDb();
  startMailWorker(await import("@/lib/dal/news/internal/outbox"));
});

afterAll(async () => {
  await dropDatabase();
  await rm(dir, { recursive: true, force: true });
});

const written = async () => (await readdir(dir)).filter((f) => f.endsWith(".eml"));

it("a reset email is written within seconds of the request, with a ten-minute tick", async () => {
  const user = await createTestUser();
  expect(await written()).toEqual([]);
  const asked = Date.now();
  expect((await requestPasswordReset({ email: user.email }, uniqueIp())).ok).toBe(true);
  await expect.poll(written, { timeout: 5_000 }).toHaveLength(1);
  expect(Date.now() - asked).toBeLessThan(5_000);
  const [file] = await written();
  const raw = await readFile(path.join(dir, file!), "utf8");
  expect(raw).toContain(`To: ${user.email}`);
  expect(raw).toContain("Subject: CityWatch: reset your password");
});
