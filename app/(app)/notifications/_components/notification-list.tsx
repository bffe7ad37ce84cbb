"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { announceUnread } from "@/components/unread-count";
import type { ActionResult } from "@/lib/actions/result";
import { formatDate } from "@/lib/format";
import { describeNotification, type NotificationItem } from "@/lib/notification-text";
import { markAllReadAction, markReadAction } from "../actions";

/** My notifications, with "Mark as read" on each unread one and "Mark all as read". */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const [read, setRead] = useState(() => new Set(items.filter((i) => i.read).map((i) => i.id)));
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const anyUnread = items.some((i) => !read.has(i.id));

  const run = (action: () => Promise<ActionResult<{ unread: number }>>, ids: number[]) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action();
      if (!result.ok) return setError(result.formError ?? "That did not work. Please try again.");
      setRead((s) => new Set([...s, ...ids]));
      announceUnread(result.data.unread);
    });

  return (
    <div className="mt-6">
      <FormAlert error={error} />
      {anyUnread && (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            run(
              () => markAllReadAction({ upTo: Math.max(...items.map((i) => i.id)) }),
              items.map((i) => i.id),
            )
          }
          className="mb-3 rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {pending ? "Marking…" : "Mark all as read"}
        </button>
      )}
      <ol aria-label="Notifications" className="space-y-3">
        {items.map((item) => {
          const isRead = read.has(item.id);
          const { text, path, reason } = describeNotification(item);
          return (
            <li
              key={item.id}
              aria-label={isRead ? text : `Unread: ${text}`}
              className={`rounded-lg border p-4 ${isRead ? "border-stone-200 bg-white" : "border-brand-600 bg-brand-50"}`}
            >
              <p className="text-sm text-stone-600">
                {!isRead && (
                  <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                    New
                  </span>
                )}
                <time dateTime={item.at}>{formatDate(item.at)}</time>
              </p>
              <Link
                id={`notification-${item.id}`}
                href={path}
                className={`mt-1 block ${isRead ? "" : "font-semibold"}`}
                onClick={() => {
                  if (!isRead)
                    void markReadAction({ id: item.id }).then(
                      (r) => r.ok && announceUnread(r.data.unread),
                    );
                }}
              >
                {text}
              </Link>
              {reason && <p className="mt-1 text-stone-800">Reason: {reason}</p>}
              {!isRead && (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => run(() => markReadAction({ id: item.id }), [item.id])}
                  aria-describedby={`notification-${item.id}`}
                  className="mt-2 text-sm text-brand-700 underline hover:text-brand-900 disabled:opacity-60"
                >
                  Mark as read
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
