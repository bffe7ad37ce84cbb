import { z } from "zod";
import { citySlugSchema } from "@/lib/validation/auth";
import {
  cityFilterSchema,
  FILTER_FIELDS,
  PAGE_SIZES,
  TEXT_FILTER_FIELDS,
  TEXT_FILTER_MAX,
} from "@/lib/validation/city-filter";
import { POLICY_FIELDS } from "@/lib/policy-fields";
import { commentSubjectSchema } from "@/lib/validation/comment";
import { idSchema, queueFilterSchema } from "@/lib/validation/moderation";
import { unsubscribeSchema } from "@/lib/validation/notifications";
import { citiesCsvQuerySchema, updatesCsvQuerySchema } from "@/lib/validation/open-data";
import { DATA_LICENSE } from "./license";
import * as S from "./schemas";

/*
 * The OpenAPI 3.1 description of /api, built from the zod schemas the routes
 * validate their input with and the response schemas their tests check
 * answers against (./schemas.ts), converted by zod's own JSON Schema
 * (draft 2020-12, the dialect of OpenAPI 3.1). Served at /api/openapi.json
 * and shown to people at /docs/api.
 */

type JsonSchema = Record<string, unknown>;
type Parameter = {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description: string;
  schema: JsonSchema;
  style?: "form";
  explode?: boolean;
};
type MediaType = { schema: JsonSchema };
type ResponseObject = {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaType>;
};
export type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: Parameter[];
  responses: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
};
type Method = "get" | "post";
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: Record<string, unknown>;
};

/** A zod schema as JSON Schema, without the `$schema` line (the document's dialect applies). */
function jsonSchema(schema: z.core.$ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  void $schema;
  return rest;
}

const query = (
  name: string,
  schema: z.core.$ZodType,
  description: string,
  extra: Partial<Parameter> = {},
): Parameter => ({
  name,
  in: "query",
  required: false,
  description,
  schema: jsonSchema(schema),
  ...extra,
});

/** Every optional field of a strict query schema as a query parameter, described by the schema. */
const queryFrom = (schema: z.ZodObject): Parameter[] =>
  Object.entries(schema.shape).map(([name, field]) => {
    const inner = (field as z.ZodOptional<z.ZodType>).unwrap();
    return query(name, inner, inner.description ?? "");
  });

const json = (schema: z.ZodType): Record<string, MediaType> => ({
  "application/json": { schema: jsonSchema(schema) },
});
const error = (description: string): ResponseObject => ({
  description,
  content: json(S.errorSchema),
});

const VALIDATORS = {
  ETag: { description: "A weak validator: a hash of the body.", schema: { type: "string" } },
  "Last-Modified": {
    description: "When the data was read (nothing in it changed after).",
    schema: { type: "string" },
  },
};
const conditionalParameters: Parameter[] = [
  {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: "ETags of copies you hold: 304 when one is current.",
    schema: { type: "string" },
  },
  {
    name: "If-Modified-Since",
    in: "header",
    required: false,
    description: "The Last-Modified of your copy: 304 when it is current (If-None-Match wins).",
    schema: { type: "string" },
  },
];
const notModified: ResponseObject = {
  description: "Not modified: your copy is current. No body.",
  headers: VALIDATORS,
};

const csv = (description: string): ResponseObject => ({
  description,
  headers: {
    "Content-Disposition": {
      description: "attachment; filename=…",
      schema: { type: "string" },
    },
    Link: { description: 'The data licence, rel="license".', schema: { type: "string" } },
  },
  content: { [S.CSV_MEDIA_TYPE.split(";")[0]!]: { schema: { type: "string" } } },
});

const CSV_NOTE =
  "RFC 4180 CSV in UTF-8 (no byte-order mark), CRLF line ends, a header line, one record a line. Any text cell that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe (') so spreadsheets do not run it as a formula; strip it to get the original text. Streamed: the file is sent as it is read.";

const signedIn = [{ session: [] }];
const personal = (ok: z.ZodType, what: string): Operation["responses"] => ({
  "200": { description: what, content: json(ok) },
  "401": error("Not signed in."),
});

const paths: OpenApiDocument["paths"] = {
  "/api/cities": {
    get: {
      operationId: "listCities",
      summary: "The cities and counties, a page at a time, with their policy badges",
      description:
        "The same filters, orders and pages as /cities. A value that does not parse gets a 400 naming it.",
      tags: ["Open data"],
      parameters: [
        query("state", cityFilterSchema.shape.state.unwrap(), "Two-letter state code, such as CA."),
        query("policy", cityFilterSchema.shape.policy.unwrap(), "Only places with this badge."),
        ...FILTER_FIELDS.map((field) =>
          query(
            field,
            cityFilterSchema.shape[field].unwrap(),
            `Only places whose “${POLICY_FIELDS[field].label}” has this value.`,
          ),
        ),
        ...TEXT_FILTER_FIELDS.map((field) =>
          query(
            field,
            z.string().max(TEXT_FILTER_MAX),
            `Only places whose “${POLICY_FIELDS[field].label}” contains this text (any case, with or without accents).`,
          ),
        ),
        query("sort", cityFilterSchema.shape.sort.unwrap(), "The order (default name)."),
        query("per", z.enum(PAGE_SIZES.map(String) as [string, ...string[]]), "Page size."),
        query("after", cityFilterSchema.shape.after.unwrap(), "The page after this cursor."),
        query("before", cityFilterSchema.shape.before.unwrap(), "The page before this cursor."),
        ...conditionalParameters,
      ],
      responses: {
        "200": {
          description: "One page, in the chosen order, with the addresses of the pages beside it.",
          headers: VALIDATORS,
          content: json(S.citiesResponseSchema),
        },
        "304": notModified,
        "400": {
          description: "A filter value not understood.",
          content: json(S.filterErrorSchema),
        },
      },
    },
  },
  "/api/cities/{slug}": {
    get: {
      operationId: "getCity",
      summary: "One city's profile, policy facts with sources, and latest updates",
      description: "Approved data only.",
      tags: ["Open data"],
      parameters: [
        {
          name: "slug",
          in: "path",
          required: true,
          description: "The city's slug, such as boston-ma.",
          schema: jsonSchema(citySlugSchema),
        },
        ...conditionalParameters,
      ],
      responses: {
        "200": {
          description: "The profile.",
          headers: VALIDATORS,
          content: json(S.cityResponseSchema),
        },
        "304": notModified,
        "400": error("Not a slug."),
        "404": error("No such city or county."),
      },
    },
  },
  "/api/cities.csv": {
    get: {
      operationId: "downloadCities",
      summary: "Every profile as CSV, each field with its source and as-of date",
      description: `Columns: slug, url, name, kind, state, state_name, summary, article_mention, population, population_year, population_source_url, leader_title, leader_name, leader_source_url, leader_as_of, then for each policy field (sanctuary_status, ice_detainers, info_sharing, status_inquiry, jail_access, agreement_287g, federal_actions) four: <field>, <field>_detail, <field>_source_url, <field>_as_of. By slug. ${CSV_NOTE}`,
      tags: ["Open data"],
      parameters: queryFrom(citiesCsvQuerySchema),
      responses: {
        "200": csv("The CSV file."),
        "400": error("A parameter that does not parse, is unknown or is given twice."),
      },
    },
  },
  "/api/updates.csv": {
    get: {
      operationId: "downloadUpdates",
      summary: "Every published policy update as CSV",
      description: `Approved updates only (never pending, rejected, withdrawn or hidden ones), oldest first. Columns: id, url, city_slug, city_name, state, kind, title, summary, effective_on (the date the policy took effect), source_url, published_at. ${CSV_NOTE}`,
      tags: ["Open data"],
      parameters: queryFrom(updatesCsvQuerySchema),
      responses: {
        "200": csv("The CSV file."),
        "400": error("A parameter that does not parse, is unknown or is given twice."),
        "404": error("No such city or county."),
      },
    },
  },
  "/api/openapi.json": {
    get: {
      operationId: "getOpenApi",
      summary: "This document",
      description: "OpenAPI 3.1; people read it at /docs/api.",
      tags: ["Open data"],
      parameters: conditionalParameters,
      responses: {
        "200": {
          description: "The OpenAPI document.",
          headers: VALIDATORS,
          content: { "application/json": { schema: { type: "object" } } },
        },
        "304": notModified,
      },
    },
  },
  "/api/health": {
    get: {
      operationId: "health",
      summary: "Liveness and database check",
      description: "For load balancers and people.",
      tags: ["Service"],
      responses: {
        "200": { description: "Up.", content: json(S.healthSchema) },
        "503": { description: "The database does not answer.", content: json(S.healthSchema) },
      },
    },
  },
  "/api/follows": {
    get: {
      operationId: "getFollowStates",
      summary: "Follow state and follower count of up to 50 cities",
      description: "For whoever asks (signed out, following is false). Never cached.",
      tags: ["Pages"],
      parameters: [
        query("city", z.array(citySlugSchema).max(50), "A city slug; repeat for several.", {
          style: "form",
          explode: true,
        }),
      ],
      responses: { "200": { description: "By slug.", content: json(S.followStatesSchema) } },
    },
  },
  "/api/comments": {
    get: {
      operationId: "listComments",
      summary: "A page's comments, newest threads first",
      description: "What the comment sections of the cached pages load.",
      tags: ["Pages"],
      parameters: [
        query("on", commentSubjectSchema, "article:<slug>, city:<slug> or update:<id>.", {
          required: true,
        }),
        query("after", z.string(), "The `next` cursor of the previous page."),
      ],
      responses: {
        "200": { description: "A page of threads.", content: json(S.commentPageSchema) },
        "404": {
          description: "No such page.",
          content: json(z.strictObject({ error: z.string() })),
        },
      },
    },
  },
  "/api/comments/replies": {
    get: {
      operationId: "listReplies",
      summary: "More replies of one thread",
      description: "After the last reply shown.",
      tags: ["Pages"],
      parameters: [
        query("root", idSchema, "The thread's first comment.", { required: true }),
        query("after", idSchema, "The last reply shown.", { required: true }),
      ],
      responses: {
        "200": { description: "Replies, oldest first.", content: json(S.repliesSchema) },
        "400": {
          description: "Bad ids.",
          content: json(z.strictObject({ error: z.string() })),
        },
      },
    },
  },
  "/api/notifications": {
    get: {
      operationId: "countUnread",
      summary: "How many notifications the visitor has not read",
      description: "0 when signed out; at most 100.",
      tags: ["Signed in"],
      responses: { "200": { description: "The count.", content: json(S.unreadSchema) } },
    },
  },
  "/api/notifications/list": {
    get: {
      operationId: "listNotifications",
      summary: "The signed-in person's notifications",
      description: "What /notifications shows.",
      tags: ["Signed in"],
      security: signedIn,
      parameters: [query("before", idSchema, "The last notification shown.")],
      responses: personal(S.notificationsSchema, "A page of notifications."),
    },
  },
  "/api/me": {
    get: {
      operationId: "getMe",
      summary: "The signed-in person's cities and feed",
      description: "What /me shows.",
      tags: ["Signed in"],
      security: signedIn,
      parameters: [query("after", z.string(), "The feed's `next` cursor.")],
      responses: personal(S.meSchema, "Followed cities and a page of the feed."),
    },
  },
  "/api/moderation/queue": {
    get: {
      operationId: "getModerationQueue",
      summary: "The review queue",
      description: "What /moderation shows; moderators and admins only.",
      tags: ["Signed in"],
      security: signedIn,
      parameters: Object.entries(queueFilterSchema.shape).map(([name, field]) =>
        query(name, field, field.description ?? `The queue's ${name} filter.`),
      ),
      responses: {
        ...personal(S.moderationQueueSchema, "A page of the queue."),
        "403": error("Not a moderator."),
      },
    },
  },
  "/api/unsubscribe": {
    post: {
      operationId: "unsubscribe",
      summary: "One-click unsubscribe (RFC 8058)",
      description:
        "Mail clients POST `List-Unsubscribe=One-Click` to the List-Unsubscribe URL. The signed token is the only permission.",
      tags: ["Email"],
      parameters: [
        query("token", unsubscribeSchema.shape.token, "The token from the email.", {
          required: true,
        }),
      ],
      responses: {
        "200": { description: "Unsubscribed.", content: json(S.unsubscribedSchema) },
        "400": {
          description: "A token that is not valid.",
          content: json(S.unsubscribeErrorSchema),
        },
      },
    },
  },
  "/api/auth/{nextauth}": {
    get: {
      operationId: "authGet",
      summary: "next-auth's own endpoints (session, csrf, providers)",
      description:
        "Used by the site's own pages to sign in and out; not an API for other programs, and its answers are next-auth's. The path parameter stands for the rest of the path: session, csrf, providers, signin, signout, callback/credentials.",
      tags: ["Service"],
      parameters: [authPathParameter()],
      responses: {
        "200": { description: "next-auth's answer." },
        "400": error("A callbackUrl that is neither a path on this site nor a URL."),
      },
    },
    post: {
      operationId: "authPost",
      summary: "next-auth's sign-in and sign-out",
      description:
        "Form posts from the site's own pages, with next-auth's CSRF token; other origins are refused.",
      tags: ["Service"],
      parameters: [authPathParameter()],
      responses: {
        "200": { description: "next-auth's answer." },
        "302": { description: "Where next-auth sends the browser." },
        "400": error("A callbackUrl that is neither a path on this site nor a URL."),
        "403": error("A cross-origin post."),
      },
    },
  },
};

function authPathParameter(): Parameter {
  return {
    name: "nextauth",
    in: "path",
    required: true,
    description: "next-auth's action, such as session or csrf.",
    schema: { type: "string" },
  };
}

export const OPENAPI_DOCUMENT: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "CityWatch API",
    version: "1.0.0",
    summary: "Sanctuary-policy profiles of US cities and counties, and their updates.",
    description: DATA_LICENSE.notice,
    license: { name: DATA_LICENSE.short, identifier: "CC-BY-4.0" },
  },
  servers: [{ url: "/" }],
  tags: [
    { name: "Open data", description: "Public data, free to reuse under CC BY 4.0." },
    { name: "Pages", description: "What the site's pages load for whoever asks." },
    { name: "Signed in", description: "What a signed-in person's pages load." },
    { name: "Email", description: "Links in emails." },
    { name: "Service", description: "Health and sign-in." },
  ],
  paths,
  components: {
    securitySchemes: {
      session: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description: "The session cookie set by signing in (__Secure- prefixed over HTTPS).",
      },
    },
  },
};
