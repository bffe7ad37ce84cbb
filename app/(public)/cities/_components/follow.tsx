"use client";

import { usePathname, useRouter } from "next/navigation";
import {
  createContext,
  useActionState,
  useContext,
  useEffect,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { useAnswer } from "@/components/forms/use-answer";
import { CALLBACK_FIELD, NOT_SUBMITTED } from "@/lib/actions/form-state";
import type { FollowState } from "@/lib/dal/cities/follows";
import { setFollowAction } from "../actions";

type States = Record<string, FollowState>;
const FollowContext = createContext<{
  states: States | null;
  set: (slug: string, state: FollowState) => void;
}>({ states: null, set: () => {} });

/**
 * Asks once for the follow state of every city on the page (the page itself
 * is cached for everyone, so it cannot know who is looking).
 */
export function FollowStates({ slugs, children }: { slugs: string[]; children: ReactNode }) {
  const [states, setStates] = useState<States | null>(null);
  const key = slugs.join(",");
  useEffect(() => {
    const query = new URLSearchParams(key.split(",").map((s) => ["city", s]));
    let live = true;
    fetch(`/api/follows?${query}`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : {}))
      .then((s: States) => live && setStates(s))
      .catch(() => live && setStates({}));
    return () => {
      live = false;
    };
  }, [key]);
  return (
    <FollowContext.Provider
      value={{ states, set: (slug, state) => setStates((s) => ({ ...s, [slug]: state })) }}
    >
      {children}
    </FollowContext.Provider>
  );
}

/**
 * "Follow" / "Unfollow" with the follower count, as a form of its own: a
 * POST that works without JavaScript (the page comes back showing the answer)
 * and, once hydrated, updates at once. Signed out, "Follow" asks the person to
 * sign in and brings them back here.
 */
export function FollowButton({ slug }: { slug: string }) {
  const { states, set } = useContext(FollowContext);
  const router = useRouter();
  const back = usePathname() || `/cities/${slug}`;
  const [answer, post, pending] = useActionState(setFollowAction, NOT_SUBMITTED);
  useAnswer(answer, { onSaved: ({ data }) => data && set(slug, data) });
  // What /api/follows said (or the last answer, once JavaScript runs); without it, the answer.
  const state = states?.[slug] ?? answer.data;
  const following = state?.following ?? false;
  const followers = state?.followers ?? null;

  // Once hydrated, a signed-out press goes to sign in here, without a round trip.
  const signInFirst = (event: FormEvent<HTMLFormElement>) => {
    if (state && !state.signedIn) {
      event.preventDefault();
      router.push(`/login?callbackUrl=${encodeURIComponent(back)}`);
    }
  };

  return (
    <form action={post} onSubmit={signInFirst} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="city" value={slug} />
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <input type="hidden" name={CALLBACK_FIELD} value={back} />
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        aria-describedby={`followers-${slug}`}
        className={`rounded px-3 py-1 text-sm font-semibold disabled:opacity-60 ${
          following
            ? "border border-stone-400 bg-white hover:bg-stone-100"
            : "bg-brand-700 text-white hover:bg-brand-900"
        }`}
      >
        {following ? "Unfollow" : "Follow"}
      </button>
      <span id={`followers-${slug}`} className="text-sm text-stone-600" aria-live="polite">
        {followers === null ? "" : followers === 1 ? "1 follower" : `${followers} followers`}
      </span>
      {answer.formError && (
        <span role="alert" className="text-sm font-medium text-red-700">
          {answer.formError}
        </span>
      )}
    </form>
  );
}
