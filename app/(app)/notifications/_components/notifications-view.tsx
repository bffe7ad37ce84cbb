"use client";

import Link from "next/link";
import type { NotificationsPageData } from "@/lib/dal/news/notifications-page";
import { NotificationList } from "./notification-list";

/**
 * A page of my notifications with its links to older ones. The page rendered
 * on the server and the cached shell (app/shell/notifications) both draw it,
 * from the same data (GET /api/notifications/list).
 */
export function NotificationsView({
  data: { before, items, next },
}: {
  data: NotificationsPageData;
}) {
  return (
    <>
      {items.length === 0 ? (
        <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
          {before ? (
            <p>Nothing older.</p>
          ) : (
            <>
              <p className="font-medium">No notifications yet.</p>
              <p className="mt-2">
                Follow a city from the <Link href="/cities">city list</Link> and you will hear here
                when something there changes.
              </p>
            </>
          )}
        </div>
      ) : (
        <NotificationList items={items} />
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4">
        {before && <Link href="/notifications">Newest</Link>}
        {next && <Link href={`/notifications?before=${next}`}>Show older</Link>}
      </nav>
    </>
  );
}
