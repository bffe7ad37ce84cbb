"use client";

import Link from "next/link";
import { useState } from "react";
import { ButtonForm } from "@/components/forms/button-form";
import { announceUnread } from "@/components/unread-count";
import { NOT_SUBMITTED } from "@/lib/actions/form-state";
import { formatDate } from "@/lib/format";
import { describeNotification, type NotificationItem } from "@/lib/notification-text";
import { markAllReadAction, markReadAction } from "../actions";

/** The notification's id as the "Mark as read" form sends it. */
const formOf = (id: number) => {
  const form = new FormData();
  form.set("id", String(id));
  return form;
};

/**
 * My notifications, with "Mark as read" on each unread one and "Mark all as
 * read", each a form: without JavaScript the page comes back with them read.
 */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const [read, setRead] = useState(() => new Set(items.filter((i) => i.read).map((i) => i.id)));
  const anyUnread = items.some((i) => !read.has(i.id));
  const marked =
    (ids: number[]) =>
    ({ data }: { data?: { unread: number } }) => {
      setRead((s) => new Set([...s, ...ids]));
      if (data) announceUnread(data.unread);
    };

  return (
    <div className="mt-6">
      {anyUnread && (
        <div className="mb-3">
          <ButtonForm
            action={markAllReadAction}
            fields={{ upTo: String(Math.max(...items.map((i) => i.id))) }}
            onSaved={marked(items.map((i) => i.id))}
            pendingText="Marking…"
            buttonClassName="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
          >
            Mark all as read
          </ButtonForm>
        </div>
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
                    void markReadAction(NOT_SUBMITTED, formOf(item.id)).then(
                      (r) => r.ok && r.data && announceUnread(r.data.unread),
                    );
                }}
              >
                {text}
              </Link>
              {reason && <p className="mt-1 text-stone-800">Reason: {reason}</p>}
              {!isRead && (
                <div className="mt-2">
                  <ButtonForm
                    action={markReadAction}
                    fields={{ id: String(item.id) }}
                    onSaved={marked([item.id])}
                    describedBy={`notification-${item.id}`}
                    buttonClassName="text-sm text-brand-700 underline hover:text-brand-900 disabled:opacity-60"
                  >
                    Mark as read
                  </ButtonForm>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
