"use client";

import { useEffect, useState } from "react";

/** Sent by the notifications page when it changes what is unread. */
export const UNREAD_CHANGED = "citywatch:unread-changed";

/** Tells the header the unread count is now `unread`. */
export function announceUnread(unread: number) {
  window.dispatchEvent(new CustomEvent(UNREAD_CHANGED, { detail: unread }));
}

/**
 * My unread notification count, asked for on every page change (pages are
 * cached for everyone) and updated at once when the notifications page
 * marks some read. Null until known.
 */
export function useUnreadCount(enabled: boolean, pathname: string | null): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    fetch("/api/notifications", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { unread?: number } | null) => {
        if (live && typeof body?.unread === "number") setUnread(body.unread);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [enabled, pathname]);
  useEffect(() => {
    const onChange = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_CHANGED, onChange);
    return () => window.removeEventListener(UNREAD_CHANGED, onChange);
  }, []);
  return enabled ? unread : null;
}
