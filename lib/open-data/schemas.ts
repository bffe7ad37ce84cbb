import { z } from "zod";
import { JURISDICTION_KINDS, UPDATE_KINDS } from "@/lib/enums";
import { POLICY_BADGE_LABELS, POLICY_FIELD_KEYS, type PolicyBadge } from "@/lib/policy-fields";

/*
 * The shapes of the API's JSON answers, for the OpenAPI document
 * (lib/open-data/openapi.ts). The public ones are strict, and the routes'
 * tests parse real answers with them, so the document cannot drift from what
 * the routes send. Signed-in answers are described by their main keys.
 */

const badges = Object.keys(POLICY_BADGE_LABELS) as [PolicyBadge, ...PolicyBadge[]];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoTime = z.string().describe("A date and time in ISO 8601, UTC.");

export const errorSchema = z
  .strictObject({
    error: z.string().describe("A code: bad_request, not_found, unauthenticated, forbidden …"),
    message: z.string().describe("A sentence for the program's author."),
  })
  .describe("What went wrong.");

export const healthSchema = z.strictObject({
  status: z.enum(["ok", "error"]),
  database: z.enum(["pglite", "postgres"]),
});

const citySummaryFields = {
  slug: z.string().describe("The city's id in every address: lower-case name and state code."),
  name: z.string(),
  kind: z.enum(JURISDICTION_KINDS),
  state: z.string().describe("Two-letter postal code."),
  stateName: z.string(),
  leaderTitle: z.string().describe("Mayor, County Executive …"),
  leaderName: z.string(),
  leaderAsOf: isoDate.describe("When the leader was known to hold office."),
  population: z.number().int(),
  latitude: z.number().nullable().describe("Degrees north (WGS 84); null when not recorded."),
  longitude: z.number().nullable().describe("Degrees east (WGS 84); null when not recorded."),
  badge: z.enum(badges).describe("A summary of the policy profile."),
};

export const citiesResponseSchema = z.strictObject({
  cities: z.array(
    z.strictObject({
      ...citySummaryFields,
      followers: z.number().int().describe("How many people follow it."),
      changedAt: isoTime.nullable().describe("When its public record last changed, or null."),
      url: z.string().describe("The profile page's path."),
    }),
  ),
  total: z.number().int().describe("How many places match the filters, on all pages."),
  next: z.string().nullable().describe("The address of the next page, or null."),
  prev: z.string().nullable().describe("The address of the previous page, or null."),
});

export const filterErrorSchema = z
  .strictObject({
    error: z.literal("invalid_filter"),
    problems: z
      .record(z.string(), z.strictObject({ code: z.string(), message: z.string() }))
      .describe("By query parameter: what is wrong with its value, as a code and a sentence."),
  })
  .describe("Some filter values were not understood; nothing was listed.");

const factSchema = z.strictObject({
  field: z.enum(POLICY_FIELD_KEYS),
  value: z.string(),
  valueLabel: z.string().describe("The value in words."),
  detail: z.string(),
  sourceUrl: z.string().describe("Where the value comes from."),
  asOf: isoDate.describe("The date the source speaks for."),
});

const quoteSchema = z
  .strictObject({
    articleSlug: z.string(),
    articleTitle: z.string(),
    text: z.string(),
    attribution: z.string(),
    speakerName: z.string(),
  })
  .describe(
    "A quote from the World Mayor article: World Mayor's text, not under CityWatch's licence.",
  );

export const publishedUpdateSchema = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  summary: z.string(),
  sourceUrl: z.string(),
  effectiveOn: isoDate,
  kind: z.enum(UPDATE_KINDS),
  publishedAt: isoTime,
  authorName: z.string(),
  url: z.string().describe("The update's page."),
});

export const cityResponseSchema = z.strictObject({
  city: z.strictObject({
    ...citySummaryFields,
    populationYear: z.number().int(),
    populationSourceUrl: z.string(),
    summary: z.string(),
    articleMention: z.string().describe("What the World Mayor article says about the place."),
    facts: z.array(factSchema).describe("The policy profile, each field with source and date."),
    quotes: z.array(quoteSchema),
    updates: z.array(publishedUpdateSchema).describe("The latest approved updates, newest first."),
  }),
});

export const followStatesSchema = z
  .record(
    z.string(),
    z.strictObject({
      following: z.boolean(),
      followers: z.number().int(),
      signedIn: z.boolean(),
    }),
  )
  .describe("By city slug; unknown slugs are left out.");

const commentSchema = z.looseObject({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  authorName: z.string(),
  body: z.string().nullable(),
  html: z.string().nullable().describe("The body as sanitised HTML."),
  state: z.enum(["visible", "deleted", "hidden"]),
  createdAt: isoTime,
});

export const commentPageSchema = z.looseObject({
  threads: z.array(
    z.looseObject({
      root: commentSchema,
      replies: z.array(commentSchema),
      moreReplies: z.string().nullable(),
    }),
  ),
  next: z.string().nullable().describe("The cursor of the next (older) page, or null."),
  count: z.number().int(),
  signedIn: z.boolean(),
});

export const repliesSchema = z.looseObject({
  replies: z.array(commentSchema),
  moreReplies: z.string().nullable(),
});

export const unreadSchema = z.strictObject({ unread: z.number().int() });

export const meSchema = z
  .looseObject({
    after: z.string().nullable().optional(),
    cities: z.array(z.looseObject({ slug: z.string(), name: z.string(), state: z.string() })),
    feed: z.looseObject({ items: z.array(z.looseObject({})), next: z.string().nullable() }),
  })
  .describe("The signed-in person's followed cities and feed.");

export const moderationQueueSchema = z
  .looseObject({
    filter: z.looseObject({}),
    queue: z.looseObject({ items: z.array(z.looseObject({})), total: z.number().int() }),
    reported: z.unknown(),
  })
  .describe("What /moderation shows a moderator.");

export const notificationsSchema = z
  .looseObject({
    items: z.array(z.looseObject({})),
    next: z.string().nullable().optional(),
  })
  .describe("The signed-in person's notifications, newest first, 20 a page.");

export const unsubscribedSchema = z.strictObject({ unsubscribed: z.literal(true) });
export const unsubscribeErrorSchema = z.strictObject({ error: z.string() });

/** The open-data downloads' columns are described in words (CSV has no schema). */
export const CSV_MEDIA_TYPE = "text/csv; charset=utf-8";
