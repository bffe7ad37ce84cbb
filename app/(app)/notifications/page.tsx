import type { Metadata } from "next";
import Link from "next/link";
import { guardPage } from "@/lib/auth/page-guards";
import { listMyNotifications } from "@/lib/dal/news/notifications";
import { idSchema } from "@/lib/validation/moderation";
import { NotificationList } from "./_components/notification-list";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What happened that concerns me: approvals in cities I follow, decisions on my work. */
export default async function NotificationsPage({ searchParams }: Props) {
  await guardPage("/notifications");
  const raw = (await searchParams).before;
  const parsed = idSchema.safeParse(typeof raw === "string" ? raw : undefined);
  const before = parsed.success ? parsed.data : undefined;
  const page = await listMyNotifications(before);

  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Notifications</h1>
      <p className="mt-2 text-stone-700">
        Approved updates and profile changes in the cities you follow, and moderators’ decisions on
        what you submitted. Choose how often they are emailed on your{" "}
        <Link href="/account#email-section">account page</Link>.
      </p>
      {page.items.length === 0 ? (
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
        <NotificationList items={page.items} />
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4">
        {before && <Link href="/notifications">Newest</Link>}
        {page.next && <Link href={`/notifications?before=${page.next}`}>Show older</Link>}
      </nav>
    </div>
  );
}
