// The DAL fence (eslint.config.mjs): only lib/dal opens the database and
// reaches the unguarded `internal/` helpers. Lints small probes as if they sat
// at these paths, with the project's own config.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

async function fenceErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

const USE_INTERNAL = `import { writeAudit } from "@/lib/dal/internal/audit";\nexport const f = writeAudit;\n`;
const USE_DOMAIN_INTERNAL = `import { SUBMISSION_TABLES } from "@/lib/dal/submissions/internal/lifecycle";\nexport const t = SUBMISSION_TABLES;\n`;
const USE_DB = `import { getDb } from "@/db/client";\nexport const f = getDb;\n`;
const USE_DB_RELATIVE = `import { users } from "../../db/schema";\nexport const t = users;\n`;
const USE_DAL = `import { getAccount } from "@/lib/dal/people/account";\nexport const f = getAccount;\n`;
const USE_DB_TYPE = `import type { Database } from "@/db/open";\nexport type D = Database;\n`;

describe("the DAL fence", () => {
  it("refuses an internal/ module imported from app/", async () => {
    expect(await fenceErrors(USE_INTERNAL, "app/(app)/probe/page.tsx")).toHaveLength(1);
    expect(await fenceErrors(USE_DOMAIN_INTERNAL, "app/(app)/probe/actions.ts")).toHaveLength(1);
    // The mail worker's outbox checks nobody: only the server's start-up hands it over.
    const useOutbox = `import { claimDueEmail } from "@/lib/dal/news/internal/outbox";\nexport const f = claimDueEmail;\n`;
    expect(await fenceErrors(useOutbox, "app/api/probe/route.ts")).toHaveLength(1);
  }, 60_000);

  it("refuses the database imported from app/, components/ or lib/ outside the DAL", async () => {
    expect(await fenceErrors(USE_DB, "app/api/probe/route.ts")).toHaveLength(1);
    expect(await fenceErrors(USE_DB, "components/probe.tsx")).toHaveLength(1);
    expect(await fenceErrors(USE_DB_RELATIVE, "lib/mail/probe.ts")).toHaveLength(1);
    expect(await fenceErrors(USE_INTERNAL, "lib/auth/probe.ts")).toHaveLength(1);
  }, 60_000);

  it("lets pages call the DAL's checked functions and name the database's types", async () => {
    expect(await fenceErrors(USE_DAL, "app/(app)/probe/page.tsx")).toEqual([]);
    expect(await fenceErrors(USE_DB_TYPE, "app/(app)/probe/page.tsx")).toEqual([]);
  }, 60_000);

  it("lets the DAL itself use the database and its internal helpers", async () => {
    expect(await fenceErrors(USE_INTERNAL, "lib/dal/people/probe.ts")).toEqual([]);
    expect(await fenceErrors(USE_DB, "lib/dal/cities/internal/probe.ts")).toEqual([]);
  }, 60_000);
});

describe("the DAL and the mailer stay apart", () => {
  it("refuses lib/mail in the DAL and the DAL in lib/mail", async () => {
    const useMail = `import { composeSingle } from "@/lib/mail/compose";\nexport const f = composeSingle;\n`;
    const useDal = `import { countMyUnread } from "@/lib/dal/news/notifications";\nexport const f = countMyUnread;\n`;
    expect(await fenceErrors(useMail, "lib/dal/news/probe.ts")).toHaveLength(1);
    expect(await fenceErrors(useDal, "lib/mail/probe.ts")).toHaveLength(1);
    expect(await fenceErrors(USE_DB, "lib/mail/probe.ts")).toHaveLength(1);
    expect(await fenceErrors(useMail, "app/(app)/probe/actions.ts")).toHaveLength(1);
  }, 60_000);
});
