import { ACCOUNT_TAG_PREFIX, EXPIRATIONS_KEY } from "./shared-keys.mjs";

/** What the proxy needs of the process's TagExpirations (lib/cache/tag-expirations.mjs). */
type Expirations = { listening: boolean; expiredAt(tag: string): number | undefined };

/**
 * Whether the role or standing of `userId` may have changed since `issuedAtMs`
 * (when their session cookie was issued): an admin changed it then or later
 * (`invalidateAccount`, shared with every instance like a cache tag), or this
 * process cannot tell (its expirations are not open yet, or not listening).
 * The proxy then renders on the server, which reads the account (lib/pages/shells.ts).
 */
export function accountChangedSince(userId: number, issuedAtMs: number): boolean {
  const expirations = (globalThis as { [EXPIRATIONS_KEY]?: Expirations })[EXPIRATIONS_KEY];
  if (!expirations?.listening) return true;
  const at = expirations.expiredAt(`${ACCOUNT_TAG_PREFIX}${userId}`);
  return at !== undefined && at >= issuedAtMs;
}
