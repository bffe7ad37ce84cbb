"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/** Lets client components (the header's user menu) read the session. */
export function AuthSessionProvider({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus>{children}</SessionProvider>;
}
