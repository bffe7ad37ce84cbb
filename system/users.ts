// Accounts written straight into a system test's database (for PGlite: while
// no server has it open). Older than a day, so the established rate limits
// apply rather than the tighter ones for new accounts.
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/enums";
import type { SystemDb } from "./database";

export type SystemUser = { id: number; email: string; password: string; role: Role };

export const DEMO_PASSWORD = "citywatch-demo";

/** A short random tag for rows this run makes. */
export const tag = () => Math.random().toString(36).slice(2, 10);

/** Inserts `count` accounts named `<prefix>-<n>@example.test` in one statement. */
export async function createUsers(
  db: SystemDb,
  prefix: string,
  count: number,
  options: { role?: Role; daysOld?: number } = {},
): Promise<SystemUser[]> {
  const password = `system test ${prefix}`;
  const hash = await hashPassword(password);
  const role = options.role ?? "resident";
  const values: string[] = [];
  const params: unknown[] = [hash, role, `${options.daysOld ?? 2} days`];
  for (let i = 0; i < count; i++) {
    params.push(`${prefix}-${i}@example.test`, `System ${prefix} ${i}`);
    values.push(
      `($${params.length - 1}, $${params.length}, $1, $2, now() - $3::interval, now() - $3::interval, now() - $3::interval)`,
    );
  }
  const rows = await db.query<{ id: number; email: string }>(
    `insert into users (email, name, password_hash, role, created_at, updated_at, email_verified_at)
     values ${values.join(", ")} returning id, email`,
    params,
  );
  return rows.map((r) => ({ id: r.id, email: r.email, password, role }));
}
