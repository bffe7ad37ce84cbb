"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSession } from "next-auth/react";
import { SignOutButton } from "./sign-out-button";
import { ROLE_LABELS } from "@/lib/messages/roles";
import { useUnreadCount } from "./unread-count";

/**
 * Who is signed in, with the pages their role may use. Read on the client,
 * so public pages stay cacheable for everyone.
 */
export function UserMenu() {
  const { data, status } = useSession();
  const pathname = usePathname();
  const user = data?.user;
  const unread = useUnreadCount(Boolean(user), pathname);

  if (status === "loading") {
    return (
      <>
        <span className="text-sm text-stone-500">…</span>
        {/* Without JavaScript the header cannot know who is signed in (pages are cached
            for everyone): the account page can, and has a sign-out button. */}
        <noscript>
          <span className="flex gap-4 text-sm font-medium">
            <a href="/login">Sign in</a>
            <a href="/account">Your account</a>
          </span>
        </noscript>
      </>
    );
  }
  if (!user) {
    const back =
      pathname && !["/login", "/signup"].includes(pathname)
        ? `?callbackUrl=${encodeURIComponent(pathname)}`
        : "";
    return (
      <ul className="flex items-center gap-4 text-sm font-medium">
        <li>
          <Link href={`/login${back}`}>Sign in</Link>
        </li>
        <li>
          <Link
            href="/signup"
            className="rounded bg-brand-700 px-3 py-1.5 text-white no-underline hover:bg-brand-900 hover:text-white"
          >
            Sign up
          </Link>
        </li>
      </ul>
    );
  }
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm font-medium">
      <li>
        <Link href="/account" className="no-underline">
          <span data-testid="signed-in-name">{user.name}</span>{" "}
          <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-800">
            {ROLE_LABELS[user.role]}
          </span>
        </Link>
      </li>
      <li>
        <Link href="/me">My cities</Link>
      </li>
      <li>
        <Link
          href="/notifications"
          aria-label={
            unread
              ? `Notifications, ${unread > 99 ? "more than 99" : unread} unread`
              : "Notifications"
          }
        >
          Notifications
          {unread ? (
            <span
              aria-hidden="true"
              data-testid="unread-count"
              className="ml-1 rounded-full bg-red-700 px-1.5 py-0.5 text-xs text-white"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </Link>
      </li>
      {(user.role === "moderator" || user.role === "admin") && (
        <li>
          <Link href="/moderation">Moderation</Link>
        </li>
      )}
      {user.role === "admin" && (
        <li>
          <Link href="/admin/users">Users</Link>
        </li>
      )}
      <li>
        <SignOutButton>Sign out</SignOutButton>
      </li>
    </ul>
  );
}
