"use client";

import { useEffect } from "react";
import { SCRIPTS_COOKIE } from "@/lib/pages/shells";

/**
 * Records that this browser runs scripts, so the proxy may send signed-in
 * pages as their cached shell (lib/pages/shells.ts). Renders nothing.
 */
export function ScriptsCookie() {
  useEffect(() => {
    if (!document.cookie.split("; ").includes(`${SCRIPTS_COOKIE}=1`)) {
      document.cookie = `${SCRIPTS_COOKIE}=1; path=/; max-age=31536000; samesite=lax`;
    }
  }, []);
  return null;
}
