import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The session signing secret: NEXTAUTH_SECRET when set (required with
 * DATABASE_URL); for the embedded default, generated once and kept in .data/.
 */
export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (process.env.DATABASE_URL) {
    throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL is set.");
  }
  const file = path.join(".data", "nextauth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(".data", { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}
