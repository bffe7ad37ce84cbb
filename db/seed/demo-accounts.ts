import { hashPassword } from "@/lib/auth/password";
import type { Database } from "../open";
import { users } from "../schema";
import { type Role } from "@/lib/enums";

export const DEMO_PASSWORD = "citywatch-demo";
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "resident@example.org", name: "Rosa Resident", role: "resident" },
  { email: "volunteer@example.org", name: "Victor Volunteer", role: "resident" },
  { email: "moderator@example.org", name: "Maya Moderator", role: "moderator" },
  { email: "admin@example.org", name: "Ada Admin", role: "admin" },
];

/** Creates the demo accounts if missing (embedded default, or SEED_DEMO=1). */
export async function seedDemoAccounts(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(users)
    .values(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash, emailVerifiedAt: new Date() })))
    .onConflictDoNothing({ target: users.email });
}

export function demoAccountsEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.DATABASE_URL ? env.SEED_DEMO === "1" : env.SEED_DEMO !== "0";
}
