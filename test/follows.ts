// Follows and feeds for tests: what the database holds, profile revisions
// inserted straight into it (any kind, any time), and Atom feeds parsed as a
// client would read them.
import { and, asc, eq, inArray } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { getDb } from "@/db/client";
import { follows, profileRevisionChanges, profileRevisions, users } from "@/db/schema";
import { listMyFeed, type FeedItem } from "@/lib/dal/news/feed";
import type { ProfileFieldKey } from "@/lib/profile-fields";
import { SOURCE } from "./edits";

/** Every follow row of these cities (user, city, time), in a stable order. */
export async function followRowsOf(cityIds: number[]) {
  const db = await getDb();
  return db
    .select()
    .from(follows)
    .where(inArray(follows.jurisdictionId, cityIds))
    .orderBy(asc(follows.jurisdictionId), asc(follows.userId));
}

/** The ids of the cities a user follows, ascending. */
export async function followedIds(userId: number): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: follows.jurisdictionId })
    .from(follows)
    .where(eq(follows.userId, userId))
    .orderBy(asc(follows.jurisdictionId));
  return rows.map((r) => r.id);
}

/** Adds follows straight into the database (no session involved). */
export async function insertFollows(userId: number, cityIds: number[]): Promise<void> {
  if (cityIds.length === 0) return;
  const db = await getDb();
  await db
    .insert(follows)
    .values(cityIds.map((jurisdictionId) => ({ userId, jurisdictionId })))
    .onConflictDoNothing();
}

/** Whether a user follows a city, as the database holds it. */
export async function isFollowing(userId: number, cityId: number): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .select({ id: follows.userId })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.jurisdictionId, cityId)));
  return rows.length === 1;
}

/** The id of the user with this email. */
export async function userIdByEmail(email: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/**
 * Inserts profile revisions (one changed field each) at the given times;
 * returns their ids in order. Ids grow in the order given, so give the
 * times oldest first, as the app records them.
 */
export async function insertRevisions(
  cityId: number,
  rows: { at: Date; kind?: "edit" | "revert" | "baseline"; field?: ProfileFieldKey }[],
): Promise<number[]> {
  const db = await getDb();
  const ids: number[] = [];
  for (const row of rows) {
    const [revision] = await db
      .insert(profileRevisions)
      .values({ jurisdictionId: cityId, kind: row.kind ?? "edit", createdAt: row.at })
      .returning({ id: profileRevisions.id });
    await db.insert(profileRevisionChanges).values({
      revisionId: revision!.id,
      field: row.field ?? "federal_actions",
      fromValue: "",
      fromDetail: "",
      toValue: `Changed at ${row.at.toISOString()}`,
      toDetail: "",
      sourceUrl: SOURCE,
      asOf: row.at.toISOString().slice(0, 10),
    });
    ids.push(revision!.id);
  }
  return ids;
}

/** "update:3" / "revision:4": an item's identity in the merged feed. */
export const feedKey = (item: FeedItem) => `${item.type}:${item.id}`;

/** The whole feed of whoever is signed in, page by page, checking each page's shape. */
export async function walkFeed(pageSize = 20): Promise<{ pages: FeedItem[][]; cursors: string[] }> {
  const pages: FeedItem[][] = [];
  const cursors: string[] = [];
  let after: string | undefined;
  do {
    const page = await listMyFeed(after);
    pages.push(page.items);
    if (page.next !== null) {
      if (page.items.length !== pageSize) {
        throw new Error(`page ${pages.length} has ${page.items.length} items and a next cursor`);
      }
      cursors.push(page.next);
    } else if (page.items.length > pageSize) {
      throw new Error(`page ${pages.length} has ${page.items.length} items`);
    }
    after = page.next ?? undefined;
    if (pages.length > 500) throw new Error("the feed does not end");
  } while (after);
  return { pages, cursors };
}

// Titles such as "1e309" or "NaN" must stay text, and spaces must survive.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => name === "entry" || name === "link",
});

type Node = string | { "#text"?: string; [key: string]: unknown } | undefined;
/** An element's text, whether the parser made it a string or an object with attributes. */
export const text = (node: unknown): string => {
  const n = node as Node;
  if (n === undefined) return "";
  if (typeof n === "string") return n;
  return n["#text"] ?? "";
};
type Link = { "@_rel": string; "@_href": string; "@_type"?: string };
type ParsedEntry = Record<string, unknown> & { link: Link[]; author: { name: unknown } };
export type ParsedFeed = Record<string, unknown> & {
  "@_xmlns": string;
  link: Link[];
  entry?: ParsedEntry[];
};

/** What a client receives (UTF-8 on the wire), checked for well-formedness and parsed. */
export function parseAtom(xml: string): ParsedFeed {
  const sent = new TextDecoder().decode(new TextEncoder().encode(xml));
  const valid = XMLValidator.validate(sent);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  // characters XML 1.0 does not allow anywhere, escaped or not
  const bad = sent.match(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  if (bad)
    throw new Error(`XML holds a character it may not: U+${bad[0].codePointAt(0)!.toString(16)}`);
  const doc = parser.parse(sent) as { feed?: ParsedFeed };
  if (!doc.feed) throw new Error("no <feed> element");
  return doc.feed;
}

/** The text a reader should see for `s`: what XML cannot carry removed, line ends as XML reads them. */
export const readable = (s: string) =>
  new TextDecoder()
    .decode(new TextEncoder().encode(s))
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/\r\n?/g, "\n");
export const asRead = (s: string) => s.replace(/\r\n?/g, "\n");
