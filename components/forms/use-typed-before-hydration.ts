"use client";

import { useLayoutEffect, useState, useSyncExternalStore } from "react";

const noop = () => () => {};

/**
 * Keeps what was typed into a <textarea> before the scripts ran. When React
 * hydrates a textarea whose default is not empty, it sets its value back to
 * that default (react-dom's initTextarea; inputs are spared), so text typed
 * into the server's HTML would be lost and the old text sent. This reads the
 * element's text during the hydrating render (the markup stays the server's),
 * and once React has reset it, puts it back as typing would: through the
 * native setter and an `input` event, so react-hook-form and any count hear it.
 */
export function useKeepTypedBeforeHydration(elementId: string): void {
  const hydrating = !useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [typed] = useState(() => {
    if (!hydrating || typeof document === "undefined") return undefined;
    const element = document.getElementById(elementId);
    return element instanceof HTMLTextAreaElement ? element.value : undefined;
  });
  useLayoutEffect(() => {
    const element = document.getElementById(elementId);
    if (typed === undefined || !(element instanceof HTMLTextAreaElement)) return;
    if (element.value === typed) return;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(
      element,
      typed,
    );
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, [elementId, typed]);
}
