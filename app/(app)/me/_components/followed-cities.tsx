"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useAnswer } from "@/components/forms/use-answer";
import { CALLBACK_FIELD, NOT_SUBMITTED } from "@/lib/actions/form-state";
import { setFollowAction } from "@/app/(public)/cities/actions";

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

  return (
    <>
      <ul
        id="followed-cities"
        aria-label="Followed cities"
        className="mt-3 grid gap-2 sm:grid-cols-2"
      >
        {shown.map((c) => (
          <FollowedCity key={c.slug} city={c} />
        ))}
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

/**
 * One followed city and its button, a form of its own. Without JavaScript
 * "Unfollow" posts and the page comes back without the city; with it, the
 * city stays listed with "Follow", so a slip is undone in one press.
 */
function FollowedCity({ city: c }: { city: City }) {
  const [answer, post, pending] = useActionState(setFollowAction, NOT_SUBMITTED);
  const [following, setFollowing] = useState(true);
  useAnswer(answer, { onSaved: ({ data }) => data && setFollowing(data.following) });

  return (
    <li
      aria-label={c.name}
      className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-3 py-2"
    >
      <Link href={`/cities/${c.slug}`} className="font-semibold">
        {`${c.name}, ${c.state}`}
      </Link>
      <form action={post}>
        <input type="hidden" name="city" value={c.slug} />
        <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
        <input type="hidden" name={CALLBACK_FIELD} value="/me" />
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="rounded border border-stone-400 px-2 py-0.5 text-sm hover:bg-stone-100 disabled:opacity-60"
        >
          {following ? "Unfollow" : "Follow"}
        </button>
      </form>
      {answer.formError && (
        <span role="alert" className="w-full text-sm font-medium text-red-700">
          {answer.formError}
        </span>
      )}
    </li>
  );
}
