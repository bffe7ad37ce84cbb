"use client";

import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useWatch, type Control, type FieldValues, type Path } from "react-hook-form";
import {
  loadPasswordEstimator,
  passwordVerdict,
  type PasswordVerdict,
} from "@/lib/validation/password-strength";

const LABELS = ["very weak", "weak", "fair", "good", "strong"] as const;

/** "Strength: weak — Add more words that are less common." */
export function describeStrength(verdict: PasswordVerdict): string {
  const label = `Strength: ${LABELS[verdict.score]}`;
  return verdict.problem && verdict.advice ? `${label} — ${verdict.advice}` : label;
}

type Props<V extends FieldValues> = {
  /** The line's id. */
  id: string;
  control: Control<V>;
  /** The new password's field. */
  name: Path<V>;
  /** Whose password it is (typed in the same form, or the signed-in person's). */
  ownerName?: string;
  ownerEmail?: string;
  /** The field shows its error, which says the same: the line stays empty meanwhile. */
  quiet?: boolean;
};

/**
 * How hard the password being typed is to guess, and what would make it
 * harder, on a line under the field that screen readers announce politely.
 * The estimator is fetched at the first character typed (it is large, so the
 * page does not load it); until it arrives the line says only what needs no
 * estimator (too short, holds the email or name), or that it is checking. Without JavaScript the line stays
 * empty and the server's answer says why a password was refused.
 */
export function PasswordStrength<V extends FieldValues>({
  id,
  control,
  name,
  ownerName,
  ownerEmail,
  quiet = false,
}: Props<V>) {
  const typed: unknown = useWatch({ control, name });
  const password = useDeferredValue(typeof typed === "string" ? typed : "");
  const [estimator, setEstimator] = useState<"idle" | "ready" | "unavailable">("idle");

  useEffect(() => {
    if (!password || estimator !== "idle") return;
    let mounted = true;
    loadPasswordEstimator().then(
      () => mounted && setEstimator("ready"),
      // Not fetched (offline): the server judges the password when it is sent.
      () => mounted && setEstimator("unavailable"),
    );
    return () => {
      mounted = false;
    };
  }, [password, estimator]);

  const text = useMemo(() => {
    if (!password) return "";
    const verdict = passwordVerdict(password, { name: ownerName, email: ownerEmail });
    if (verdict) return describeStrength(verdict);
    return estimator === "idle" ? "Strength: checking…" : "";
  }, [password, ownerName, ownerEmail, estimator]);

  return (
    <p id={id} aria-live="polite" className="text-sm text-stone-700">
      {quiet ? "" : text}
    </p>
  );
}
