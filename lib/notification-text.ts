import { UPDATE_KIND_LABELS, type UpdateKind } from "@/lib/validation/update";

type City = { slug: string; name: string; state: string };

/** One notification as the app and the emails show it. */
export type NotificationItem = { id: number; at: string; read: boolean; city: City } & (
  | { type: "update"; update: { id: number; title: string; kind: UpdateKind } }
  | { type: "profile"; revision: { id: number; revert: boolean; fields: string[] } }
  | {
      type: "decision";
      subject: { type: "update"; id: number; title: string } | { type: "edit"; id: number };
      outcome: "approved" | "rejected" | "hidden" | "restored";
      reason: string | null;
    }
);

/** What a notification says, in one sentence, and the path it leads to. */
export function describeNotification(item: NotificationItem): {
  text: string;
  path: string;
  reason?: string;
} {
  const city = `${item.city.name}, ${item.city.state}`;
  switch (item.type) {
    case "update":
      return {
        text: `New update in ${city} (${UPDATE_KIND_LABELS[item.update.kind]}): ${item.update.title}`,
        path: `/updates/${item.update.id}`,
      };
    case "profile":
      return {
        text: `${city}'s profile was ${item.revision.revert ? "reverted" : "updated"}: ${item.revision.fields.join(", ")}`,
        path: `/cities/${item.city.slug}/history#revision-${item.revision.id}`,
      };
    case "decision": {
      const what =
        item.subject.type === "update"
          ? `Your update “${item.subject.title}”`
          : `Your edit to ${city}'s profile`;
      const approved = item.outcome === "approved" || item.outcome === "restored";
      return {
        text:
          item.outcome === "hidden"
            ? `${what} was hidden from the public by a moderator.`
            : item.outcome === "restored"
              ? `${what} is public again: a moderator restored it.`
              : `${what} was ${approved ? "approved" : "rejected"}.`,
        path: approved
          ? item.subject.type === "update"
            ? `/updates/${item.subject.id}`
            : `/cities/${item.city.slug}/history`
          : "/me/submissions",
        reason: item.reason ?? undefined,
      };
    }
  }
}
