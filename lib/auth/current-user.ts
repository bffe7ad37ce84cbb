import "server-only";
import { cache } from "react";
import type { Role } from "@/lib/enums";
import { getAuthState } from "@/lib/dal/people/auth";
import { getSessionClaims } from "./claims";

// Read once per request (a page and the DAL calls it renders, or one server
// action), however many checks run: the cookie is decrypted once and the
// account re-read from the database once. Each new request reads afresh.
const claimsOfRequest = cache(() => getSessionClaims());
const authStateOfRequest = cache((userId: number, sessionId: string) =>
  getAuthState({ userId, sessionId }),
);

export type CurrentUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  /** This browser's session (lib/dal/people/sessions.ts). */
  sessionId: string;
  /** The address is confirmed (its verification link opened): the person may post. */
  emailVerified: boolean;
};

export type AuthErrorCode =
  | "unauthenticated"
  | "session_expired"
  // signed in, but the address is not confirmed yet: reading and following only
  | "unverified"
  | "banned"
  | "forbidden";

/** An expected refusal: the caller may not do this. Actions turn it into a form error. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    readonly detail?: string,
  ) {
    super(code);
  }
}

/** The signed-in person, re-checked against the database, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await requireUser("read");
  } catch (error) {
    if (error instanceof AuthError) return null;
    throw error;
  }
}

/**
 * The signed-in person, or an AuthError. Re-reads role, ban, deletion,
 * session version and the session's row from the database once per request.
 */
export async function requireUser(action: string): Promise<CurrentUser> {
  const claims = await claimsOfRequest();
  if (!claims) throw refuse("unauthenticated", action);
  const state = await authStateOfRequest(claims.userId, claims.sessionId);
  if (
    !state ||
    state.deleted ||
    state.sessionVersion !== claims.sessionVersion ||
    !state.sessionOpen ||
    !state.email
  ) {
    throw refuse("session_expired", action, claims.userId);
  }
  if (state.banned) throw refuse("banned", action, claims.userId, state.banReason ?? undefined);
  return {
    id: state.id,
    name: state.name,
    email: state.email,
    role: state.role,
    sessionId: claims.sessionId,
    emailVerified: state.emailVerified,
  };
}

/**
 * Like requireUser, and the person's address must be confirmed: for posting
 * (updates, profile edits, comments). Unconfirmed people may read and follow.
 */
export async function requireVerifiedUser(action: string): Promise<CurrentUser> {
  const user = await requireUser(action);
  if (!user.emailVerified) throw refuse("unverified", action, user.id);
  return user;
}

/** Like requireUser, and the person must hold one of `roles`. */
export async function requireRole(action: string, ...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser(action);
  if (!roles.includes(user.role)) throw refuse("forbidden", action, user.id);
  return user;
}

function refuse(code: AuthErrorCode, action: string, userId?: number, detail?: string): AuthError {
  if (action !== "read") {
    console.warn(
      `[auth] ${new Date().toISOString()} refused ${action}: ${code} user=${userId ?? "anonymous"}`,
    );
  }
  return new AuthError(code, detail);
}
