"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { followAction, unfollowAction } from "@/app/(public)/cities/actions";

type City = { slug: string; name: string; state: string };

/** Shown before "Show all": a long list would push the feed far down (and weigh the page). */
const FIRST = 12;

/**
 * The cities I follow, each with "Unfollow" (and "Follow" to take it back).
 * The page knows I follow them all, so nothing is fetched; a list drawn here
 * from its props keeps the page small however many cities there are.
 */
export function FollowedCities({ cities }: { cities: City[] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? cities : cities.slice(0, FIRST);
  const [unfollowed, setUnfollowed] = useState<Set<string>>(() => new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ slug: string; text: string } | null>(null);
  const [, startTransition] = useTransition();

  const toggle = (slug: string) =>
    startTransition(async () => {
      setBusy(slug);
      setError(null);
      const follow = unfollowed.has(slug);
      const result = await (follow ? followAction : unfollowAction)({ city: slug });
      setBusy(null);
      if (!result.ok) {
        setError({ slug, text: result.formError ?? "That did not work. Please try again." });
        return;
      }
      setUnfollowed((s) => {
        const next = new Set(s);
        if (follow) next.delete(slug);
        else next.add(slug);
        return next;
      });
    });

  return (
    <>
      <ul
        id="followed-cities"
        aria-label="Followed cities"
        className="mt-3 grid gap-2 sm:grid-cols-2"
      >
        {shown.map((c) => {
          const following = !unfollowed.has(c.slug);
          return (
            <li
              key={c.slug}
              aria-label={c.name}
              className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-3 py-2"
            >
              <Link href={`/cities/${c.slug}`} className="font-semibold">
                {`${c.name}, ${c.state}`}
              </Link>
              <button
                type="button"
                onClick={() => toggle(c.slug)}
                disabled={busy === c.slug}
                className="rounded border border-stone-400 px-2 py-0.5 text-sm hover:bg-stone-100 disabled:opacity-60"
              >
                {following ? "Unfollow" : "Follow"}
              </button>
              {error?.slug === c.slug && (
                <span role="alert" className="w-full text-sm font-medium text-red-700">
                  {error.text}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {cities.length > FIRST && (
        <button
          type="button"
          aria-expanded={showAll}
          aria-controls="followed-cities"
          onClick={() => setShowAll((v) => !v)}
          className="mt-2 text-sm text-brand-700 underline hover:text-brand-900"
        >
          {showAll ? "Show fewer" : `Show all ${cities.length} cities`}
        </button>
      )}
    </>
  );
}
