// Bad requests leave one line in the server log, not a stack trace (issue 14
// item 7): a request the caller got wrong is not a bug of ours. The answers
// themselves are checked in e2e/bad-requests.spec.ts; this reads what the
// server printed for each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badRequests } from "@/test/bad-requests";
import { freshDatabase, type SystemDb } from "./database";
import { startServer, type AppServer } from "./server";

const PORT = 3241;
const ONE_LINE =
  /^\[bad-request\] \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (400|404|413) (GET|POST) \/\S*: [^\n]+$/;

/** What the server printed after `from`, once it has been quiet for a moment. */
async function printedSince(server: AppServer, from: number): Promise<string[]> {
  let seen = -1;
  while (server.output().length !== seen) {
    seen = server.output().length;
    await new Promise((r) => setTimeout(r, 250));
  }
  return server
    .output()
    .slice(from)
    .split("\n")
    .filter((line) => line.trim() !== "");
}

describe("bad requests in the server log", () => {
  let db: SystemDb;
  let server: AppServer | undefined;

  beforeAll(async () => {
    db = await freshDatabase();
    server = await startServer(db, PORT);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("each is one line with its status and reason; no stack, no error", async () => {
    const app = server!;
    for (const bad of badRequests(app.url)) {
      const from = app.output().length;
      const response = await fetch(`${app.url}${bad.path}`, {
        method: bad.method,
        headers: bad.headers,
        body: bad.body,
        redirect: "manual",
      });
      await response.arrayBuffer();
      expect.soft(response.status, bad.name).toBe(bad.status);
      const lines = await printedSince(app, from);
      // Anything else printed (a stack, Next's "⨯ Error") shows up here whole.
      expect
        .soft(
          lines.filter((line) => !ONE_LINE.test(line)),
          bad.name,
        )
        .toEqual([]);
      expect.soft(lines, bad.name).toHaveLength(bad.logged ? 1 : 0);
      if (lines[0]) expect.soft(lines[0], bad.name).toContain(` ${bad.status} ${bad.method} `);
    }
  });
});
