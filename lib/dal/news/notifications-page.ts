import "server-only";
import { idSchema } from "@/lib/validation/moderation";
import { listMyNotifications } from "./notifications";

/** What /notifications shows: a page of mine, older than `before` (a bad value is dropped). */
export async function loadNotificationsPage(rawBefore: string | undefined) {
  const parsed = idSchema.safeParse(rawBefore);
  const before = parsed.success ? parsed.data : undefined;
  return { before: before ?? null, ...(await listMyNotifications(before)) };
}

export type NotificationsPageData = Awaited<ReturnType<typeof loadNotificationsPage>>;
