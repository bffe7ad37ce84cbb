"use client";

import Link from "next/link";
import { useSession } from "next-auth/react";

/**
 * A link only moderators and admins see, on pages cached for everyone (the
 * session is read in the browser). The target page checks the role again.
 */
export function ModeratorLink({ href, children }: { href: string; children: string }) {
  const { data } = useSession();
  const role = data?.user?.role;
  if (role !== "moderator" && role !== "admin") return null;
  return (
    <p className="mt-6 text-sm">
      <Link href={href}>{children}</Link>
    </p>
  );
}
