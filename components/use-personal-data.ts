"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";

export type PersonalData<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  /** 403: the session may not see this (its role, a ban); `message` says why. */
  | { status: "refused"; message: string }
  | { status: "failed"; message: string; retry: () => void };

const FAILED = "This page could not be loaded. Check your connection and try again.";
const LOADING = { status: "loading" } as const;

/**
 * A cached shell's personal part (lib/pages/shells.ts), read from its API
 * route whenever `url` changes. A 401 (signed out, session ended) goes to
 * sign-in and back, as the page rendered on the server redirects.
 */
export function usePersonalData<T>(url: string): PersonalData<T> {
  const router = useRouter();
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // The answer to one request (url and attempt); a newer request shows "loading" until its own.
  const key = `${attempt} ${url}`;
  const [answer, setAnswer] = useState<{ key: string; state: PersonalData<T> } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const settle = (state: PersonalData<T>) => setAnswer({ key, state });
    (async () => {
      const res = await fetch(url, { signal: controller.signal, cache: "no-store" });
      if (res.status === 401) {
        const back = window.location.pathname + window.location.search;
        router.replace(`/login?callbackUrl=${encodeURIComponent(back)}`);
        return;
      }
      const body = await res.json().catch(() => null);
      if (res.status === 403) settle({ status: "refused", message: body?.message ?? "" });
      else if (!res.ok || body === null)
        settle({ status: "failed", message: body?.message ?? FAILED, retry });
      else settle({ status: "ready", data: body as T });
    })().catch(() => {
      if (!controller.signal.aborted) settle({ status: "failed", message: FAILED, retry });
    });
    return () => controller.abort();
  }, [key, url, retry, router]);

  return answer?.key === key ? answer.state : LOADING;
}
