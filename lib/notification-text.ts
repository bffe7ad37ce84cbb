import { UPDATE_KIND_LABELS } from "@/lib/labels";
import { type UpdateKind, type NotificationDecision } from "@/lib/enums";

type City = { slug: string; name: string; state: string };

/** One notification as the app and the emails show it. */
export type NotificationItem = { id: number; at: string; read: boolean } & (
  | { type: "update"; city: City; update: { id: number; title: string; kind: UpdateKind } }
  | { type: "profile"; city: City; revision: { id: number; revert: boolean; fields: string[] } }
  | {
      type: "decision";
      /** The city; for a proposal, the jurisdiction its approval made (null when rejected). */
      city: City | null;
      subject:
        | { type: "update"; id: number; title: string }
        | { type: "edit"; id: number }
        | { type: "proposal"; id: number; name: string; state: string };
      outcome: NotificationDecision;
      reason: string | null;
    }
  | {
      type: "reply";
      /** The city the conversation is about; null on the article. */
      city: City | null;
      /** The reply, and the page it is on. */
      comment: { id: number; authorName: string; excerpt: string; path: string };
    }
);

const EXCERPT = 120;

/** The start of a comment, on one line, for notifications and emails. */
export function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  return [...line].length > EXCERPT ? `${[...line].slice(0, EXCERPT - 1).join("")}…` : line;
}

/** What a notification says, in one sentence, and the path it leads to. */
export function describeNotification(item: NotificationItem): {
  text: string;
  path: string;
  reason?: string;
} {
  if (item.type === "reply") {
    return {
      text: `${item.comment.authorName} replied to your comment: “${item.comment.excerpt}”`,
      path: `${item.comment.path}#comment-${item.comment.id}`,
    };
  }
  if (item.type === "decision" && item.subject.type === "proposal") {
    const approved = item.outcome === "approved";
    return {
      text: `Your proposal of ${item.subject.name}, ${item.subject.state} was ${approved ? "approved" : "rejected"}.`,
      path: approved && item.city ? `/cities/${item.city.slug}` : "/me/submissions",
      reason: item.reason ?? undefined,
    };
  }
  const city = `${item.city?.name}, ${item.city?.state}`;
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
            : `/cities/${item.city?.slug}/history`
          : "/me/submissions",
        reason: item.reason ?? undefined,
      };
    }
  }
}
