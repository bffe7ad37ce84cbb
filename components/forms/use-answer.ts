"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";

type Handlers<Data> = {
  /** A successful answer that stays on the page. */
  onSaved?: (state: FormState<Data>) => void;
  /** A refusal. */
  onRefused?: (state: FormState<Data>) => void;
};

/**
 * What a form does with its server action's answer once JavaScript runs:
 * go where it says (a full load when the session changed), or hand it on.
 * Each answer is handled once (`state` is a new object every time).
 */
export function useAnswer<Data>(state: FormState<Data>, handlers: Handlers<Data> = {}) {
  const router = useRouter();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (state.ok === null) return;
    if (!state.ok) return latest.current.onRefused?.(state);
    if (!state.redirectTo) return latest.current.onSaved?.(state);
    if (state.reload) window.location.assign(state.redirectTo);
    else router.push(state.redirectTo);
  }, [state, router]);
}
