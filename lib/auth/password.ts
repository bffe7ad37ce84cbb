import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP-recommended parameters (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when no account matches, so a wrong email costs the same time.
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash (or against a dummy when there is none). */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword("citywatch-timing-equaliser");
  const target = storedHash ?? (await dummyHash);
  try {
    const ok = await verify(target, password);
    return ok && storedHash !== null;
  } catch {
    return false;
  }
}
