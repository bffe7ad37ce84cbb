"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";

type Props = {
  /** The input's id (the header's and the search page's boxes differ). */
  id: string;
  /** The input's accessible name. */
  label: string;
  /** Show the label above the box (the search page) or keep it for screen readers (the header). */
  showLabel?: boolean;
  defaultValue?: string;
  /** A message about the query, shown under the box and tied to it. */
  error?: string;
  /** A search landmark (the header's box); the search page's own form is not one. */
  landmark?: boolean;
};

/**
 * A search form: a plain GET to /search that works before and without
 * JavaScript; with it, the page changes in a transition and the button says
 * "Searching…" until the results are there.
 */
export function SearchBox({ id, label, showLabel, defaultValue, error, landmark }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const errorId = `${id}-error`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const q = new FormData(event.currentTarget).get("q");
    if (typeof q !== "string") return;
    event.preventDefault();
    startTransition(() => router.push(`/search?q=${encodeURIComponent(q)}`));
  }

  return (
    <form
      role={landmark ? "search" : undefined}
      method="get"
      action="/search"
      onSubmit={onSubmit}
      className={showLabel ? "mt-4 max-w-xl" : "order-last w-full sm:order-none sm:w-auto"}
    >
      <label htmlFor={id} className={showLabel ? "block font-medium" : "sr-only"}>
        {label}
      </label>
      <div className={`flex gap-2 ${showLabel ? "mt-1" : ""}`}>
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={defaultValue}
          enterKeyHint="search"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={`min-w-0 flex-1 rounded border border-stone-400 px-3 py-1.5 ${showLabel ? "" : "sm:w-48 sm:flex-none"}`}
          placeholder={showLabel ? undefined : "City, state, mayor…"}
        />
        <button
          type="submit"
          aria-disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-900 aria-disabled:opacity-70"
        >
          {pending ? "Searching…" : "Search"}
        </button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
