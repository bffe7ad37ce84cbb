import type { Role } from "@/lib/enums";

declare module "next-auth" {
  interface Session {
    /** `emailVerified`: the address is confirmed (lib/dal/people/email-verification.ts). */
    user?: { id: number; name: string; role: Role; emailVerified: boolean };
  }
  interface User {
    id: string;
    name: string;
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    sv?: number;
    /** The session's row (lib/dal/people/sessions.ts). */
    sid?: string;
    role?: Role;
    emailVerified?: boolean;
    revoked?: boolean;
  }
}
