// QUALITY.md security 10: no SQL built from strings with user input. Drizzle's
// query builder and its sql`` template send every interpolated value as a
// parameter; what could splice text into SQL is sql.raw, sql.identifier or a
// driver's query()/exec() called with a template string. This reads the app's
// source (not tests or scripts) and fails on any of those outside the reviewed
// places listed here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Reviewed uses: file → how many, and why they take no input. */
const REVIEWED: Record<string, { count: number; why: string }> = {
  "lib/dal/comments/comments.ts": {
    count: 2,
    why: "a table alias typed as the literals 'comments' | 'r'",
  },
  "lib/cache/tag-expirations.mjs": {
    count: 1,
    why: "LISTEN takes no parameters: the channel is the module's constant CHANNEL",
  },
};
const RISKY = /\bsql\.raw\(|\bsql\.identifier\(|\.(?:query|exec|execute|unsafe)\(\s*`[^`]*\$\{/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [rel] : [];
  });
}

describe("SQL is never built from strings", () => {
  const files = ["app", "lib", "db", "components"].flatMap(sourceFiles);

  it("reads the app's source", () => {
    expect(files).toContain("lib/dal/comments/comments.ts");
    expect(files.length).toBeGreaterThan(100);
  });

  it("uses sql.raw, sql.identifier or string queries only where reviewed", () => {
    const found: Record<string, number> = {};
    for (const file of files) {
      const hits = readFileSync(path.join(ROOT, file), "utf8").match(RISKY);
      if (hits) found[file] = hits.length;
    }
    const reviewed = Object.fromEntries(Object.entries(REVIEWED).map(([f, r]) => [f, r.count]));
    expect(found).toEqual(reviewed);
  });

  it("would notice a query spliced together from a template string", () => {
    const unsafe = "await client.query(`select * from users where email = '${email}'`)";
    expect(unsafe.match(RISKY)).toHaveLength(1);
    expect("db.execute(sql`select ${email}`)".match(RISKY)).toBeNull();
  });
});
