"use client";

import { usePathname, useRouter } from "next/navigation";
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useTransition,
  type ReactNode,
} from "react";
import type { FollowState } from "@/lib/dal/cities/follows";
import { followAction, unfollowAction } from "../actions";

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
 * "Follow" / "Unfollow" with the follower count, updated at once. Signed out,
 * "Follow" asks the person to sign in and brings them back here.
 */
export function FollowButton({ slug }: { slug: string }) {
  const { states, set } = useContext(FollowContext);
  const state = states?.[slug];
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  const toggle = () => {
    if (!state?.signedIn) {
      router.push(`/login?callbackUrl=${encodeURIComponent(pathname || `/cities/${slug}`)}`);
      return;
    }
    startTransition(async () => {
      setError(undefined);
      const result = await (state.following ? unfollowAction : followAction)({ city: slug });
      if (result.ok) set(slug, result.data);
      else setError(result.formError ?? "That did not work. Please try again.");
    });
  };

  const followers = state?.followers ?? null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={toggle}
        disabled={pending || !states}
        aria-describedby={`followers-${slug}`}
        className={`rounded px-3 py-1 text-sm font-semibold disabled:opacity-60 ${
          state?.following
            ? "border border-stone-400 bg-white hover:bg-stone-100"
            : "bg-brand-700 text-white hover:bg-brand-900"
        }`}
      >
        {state?.following ? "Unfollow" : "Follow"}
      </button>
      <span id={`followers-${slug}`} className="text-sm text-stone-600" aria-live="polite">
        {followers === null ? "" : followers === 1 ? "1 follower" : `${followers} followers`}
      </span>
      {error && (
        <span role="alert" className="text-sm font-medium text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
