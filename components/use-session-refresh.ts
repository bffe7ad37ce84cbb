"use client";

import { useSession } from "next-auth/react";
import { useCallback, useEffect, useRef } from "react";

/**
 * Asks the header's session to re-read the signed-in person (after a rename,
 * say). next-auth's `update()` does nothing while the page's first session
 * fetch is still in flight, and that fetch may have read the old name, so a
 * refresh asked for during loading waits until loading ends, then runs.
 */
export function useSessionRefresh(): () => void {
  const { status, update } = useSession();
  const loading = status === "loading";
  // The latest values, read by a callback that may have been made renders ago.
  const latest = useRef({ loading, update, waiting: false });
  useEffect(() => {
    const now = latest.current;
    now.loading = loading;
    now.update = update;
    if (!loading && now.waiting) {
      now.waiting = false;
      void update();
    }
  }, [loading, update]);
  return useCallback(() => {
    const now = latest.current;
    if (now.loading) now.waiting = true;
    else void now.update();
  }, []);
}
