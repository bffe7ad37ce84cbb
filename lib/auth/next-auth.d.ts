import type { Role } from "@/lib/enums";

declare module "next-auth" {
  interface Session {
    user?: { id: number; name: string; role: Role };
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
    revoked?: boolean;
  }
}
