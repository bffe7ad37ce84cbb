// Bad input never gives a 500 (QUALITY Reliability): every server action,
// called directly with random and hostile values, near-valid forms pointing at
// real content, as each plausible caller, resolves to a result: ok, a refusal
// or field errors, never the generic "Something went wrong" that
// lib/actions/result.ts failure() makes of an unexpected error. Actions whose
// input is property-tested elsewhere are listed in COVERED_ELSEWHERE; a
// completeness test keeps the two lists equal to the actions in the code.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  endSessionAction,
  resetPrivateFeedAction,
  setEmailFrequencyAction,
  signOutEverywhereAction,
} from "@/app/(app)/account/actions";
import { setRoleAction, unbanUserAction } from "@/app/(app)/admin/users/actions";
import { proposeEditAction } from "@/app/(app)/cities/[slug]/edit/actions";
import { submitUpdateAction } from "@/app/(app)/cities/[slug]/updates/new/actions";
import { proposeJurisdictionAction } from "@/app/(app)/cities/new/actions";
import {
  reviseEditAction,
  reviseUpdateAction,
  withdrawAction,
} from "@/app/(app)/me/submissions/actions";
import { claimAction, decideAction, visibilityAction } from "@/app/(app)/moderation/actions";
import { markAllReadAction, markReadAction } from "@/app/(app)/notifications/actions";
import { signInAction, signOutAction } from "@/app/(auth)/login/actions";
import { signUp } from "@/app/(auth)/signup/actions";
import { forgotPasswordAction } from "@/app/(auth)/forgot-password/actions";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { resendVerificationAction } from "@/app/(auth)/verify-email/actions";
import { issueTestLink } from "@/test/account-mail";
import {
  deleteCommentFormAction,
  editCommentFormAction,
  moderateCommentFormAction,
  postCommentFormAction,
  reportCommentFormAction,
} from "@/app/_comments/actions";
import { revertAction } from "@/app/(public)/cities/[slug]/history/actions";
import { setFollowAction } from "@/app/(public)/cities/actions";
import { unsubscribeAction } from "@/app/(public)/unsubscribe/actions";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { ARTICLE_SLUG } from "@/db/seed/article";
import type { ActionResult } from "@/lib/actions/result";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { proposeEdit } from "@/lib/dal/submissions/profile-edits";
import { unsubscribeToken } from "@/lib/auth/unsubscribe-token";
import {
  PROFILE_FIELD_KEYS,
  profileFieldOptions,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import {
  EMAIL_FREQUENCIES,
  REPORT_REASONS,
  REVIEW_TYPES,
  SUBMISSION_TYPES,
  UPDATE_KINDS,
  type Role,
} from "@/lib/enums";
import { endpointKey, listEndpoints, type Endpoint } from "@/test/action-inventory";
import { citySubject } from "@/test/comments";
import {
  createTestCity,
  currentFields,
  editForm,
  editInput,
  latestRevisionIdOf,
  pendingEdit,
  revisionsOf,
  SOURCE,
  type Typed,
} from "@/test/edits";
import { dottedFields, submitForm } from "@/test/forms";
import { insertProposal, proposalForm } from "@/test/proposals";
import { hostileRecord, hostileString, hostileValue } from "@/test/hostile";
import { submission } from "@/test/updates";
import { actAs, createTestUser, newSession, unique, type TestUser } from "@/test/users";
import { commentBy, notificationOf, sharedCity, updateBy } from "./permission-matrix/kit";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: (fn: unknown) => fn,
}));
vi.mock("next/headers", () => ({
  headers: vi.fn(async () => new Headers({ "x-forwarded-for": `props-${Math.random()}` })),
  cookies: vi.fn(async () => new Map()),
}));
vi.stubEnv("NEXTAUTH_SECRET", "action-properties-test-secret");

/** Runs per action (PROPERTY_RUNS=1000 to hunt harder); each run makes its own users and content. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
/** Password hashing and per-run cities make some actions slower. */
const SLOW_RUNS = Math.ceil(RUNS / 2);

/** Actions whose inputs other property tests already feed hostile values to. */
const COVERED_ELSEWHERE: Record<string, string> = {
  "app/(app)/account/actions.ts#changeNameAction": "lib/dal/people/actions.property.test.ts",
  "app/(app)/account/actions.ts#setHomeCityAction": "lib/dal/people/actions.property.test.ts",
  "app/(app)/admin/users/actions.ts#banUserAction": "lib/dal/people/actions.property.test.ts",
  "app/api/unsubscribe/route.ts#POST": "lib/dal/news/email-settings.test.ts (arbitrary tokens)",
};

// ---- callers and content ---------------------------------------------------

type Kind = "anonymous" | "resident" | "banned" | "author" | "moderator" | "admin";
const EVERYONE: Kind[] = ["anonymous", "resident", "banned", "moderator", "admin"];

/** The author of a run's content and its caller, each a fresh account (no rate limit carries over). */
async function people(kind: Kind, authorRole: Role = "resident") {
  const author = await createTestUser({ role: authorRole });
  const caller =
    kind === "anonymous"
      ? null
      : kind === "author"
        ? author
        : kind === "banned"
          ? await createTestUser({ role: authorRole, banned: true })
          : kind === "resident"
            ? await createTestUser()
            : await createTestUser({ role: kind });
  return { author, caller };
}

/** Stands for a value of the run's content in generated input; replaced before the call. */
const REF = {
  id: Symbol("content id"),
  other: Symbol("other content id"),
  parent: Symbol("parent comment id"),
  password: Symbol("the caller's password"),
  email: Symbol("the author's email"),
} as const;
type Refs = Partial<Record<keyof typeof REF, unknown>>;

/** Fields naming content that a caller may change (moderators change anyone's). */
const ID_FIELDS = ["id", "userId", "revisionId"];
/** Whether `v` would parse as the id of a row (as z.coerce.number does: Number(v)). */
function namesARow(v: unknown): boolean {
  try {
    const n = Number(v);
    // ids this high are never reached by a test database
    return Number.isInteger(n) && n >= 1 && n < 1_000_000_000;
  } catch {
    return false; // a value Number() cannot convert parses as no id at all
  }
}

/**
 * The input with its REF placeholders (top-level fields only) replaced by the
 * run's values. An id field naming a row that is not the run's own skips the
 * run: on a Postgres shared with other test files, a moderator's random id
 * could hide or decide their content.
 */
function resolve(input: unknown, refs: Refs): unknown {
  const swap = (v: unknown) => {
    for (const key of Object.keys(REF) as (keyof typeof REF)[])
      if (v === REF[key]) return refs[key];
    return v;
  };
  if (typeof input === "symbol") return swap(input);
  if (input === null || typeof input !== "object") return input;
  const own = new Set(Object.values(refs));
  for (const key of ID_FIELDS) {
    if (!Object.hasOwn(input, key)) continue;
    const value = (input as Record<string, unknown>)[key];
    if (typeof value !== "symbol" && !own.has(value)) fc.pre(!namesARow(value));
  }
  if (Object.getPrototypeOf(input) !== Object.prototype) return input;
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, swap(v)]));
}

// ---- generators --------------------------------------------------------------

/** One form field: values the schema should accept (mostly), and values it should not. */
type Field = { good: fc.Arbitrary<unknown>; bad: fc.Arbitrary<unknown> };

/** Not ids of any row: out of range, not whole, not numbers (small positive ids are real rows). */
const TRICKY_IDS = [
  0,
  -1,
  1.5,
  2_147_483_647,
  2_147_483_648,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "1.5",
  "1e10",
  "0x",
  "2147483648",
  "99999999999999999999",
  "-0",
  "١٢",
  "12abc",
];
/** An id: the run's content, or something an id should not be. */
const id = (ref: symbol = REF.id): Field => ({
  good: fc.constant<unknown>(ref),
  bad: fc.oneof(
    fc.constantFrom<unknown>(...TRICKY_IDS),
    fc.integer({ max: 0 }),
    hostileValue.filter((v) => !namesARow(v)),
  ),
});
/** Text: good values, sometimes with hostile text around them (which the schema may refuse). */
const text = (...good: string[]): Field => ({
  good: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...good) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...good), hostileString)
        .map(([g, h]) => `${g} ${h.slice(0, 200)}`),
    },
    { weight: 1, arbitrary: hostileString },
  ),
  bad: hostileValue,
});
/** One of a list (an enum), or not. */
const choice = (...good: readonly unknown[]): Field => ({
  good: fc.constantFrom(...good),
  bad: fc.oneof(hostileString, hostileValue),
});
/** A positional argument: mostly good. */
const arg = (f: Field) =>
  fc.oneof({ weight: 4, arbitrary: f.good }, { weight: 1, arbitrary: f.bad });

/**
 * A form: all fields good, one field bad, a field missing or extra keys, or
 * no form at all (any value, any record).
 */
function form(fields: Record<string, Field>) {
  const keys = Object.keys(fields);
  const good = fc.record(Object.fromEntries(keys.map((k) => [k, fields[k]!.good])));
  const oneBad = fc
    .tuple(
      good,
      fc.constantFrom(...keys).chain((k) => fields[k]!.bad.map((v) => [k, v] as const)),
    )
    .map(([g, [k, v]]) => ({ ...g, [k]: v }));
  const missing = fc
    .tuple(good, fc.constantFrom(...keys))
    .map(([g, k]) => Object.fromEntries(Object.entries(g).filter(([key]) => key !== k)));
  const extra = fc
    .tuple(good, fc.dictionary(fc.string({ maxLength: 10 }), hostileValue, { maxKeys: 2 }))
    .map(([g, e]) => ({ ...e, ...g }));
  return fc.oneof(
    { weight: 5, arbitrary: good },
    { weight: 4, arbitrary: oneBad },
    { weight: 1, arbitrary: missing },
    { weight: 1, arbitrary: extra },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: hostileRecord },
  );
}

const version = arg({
  good: fc.constantFrom<unknown>(1, "1"),
  bad: fc.oneof(
    fc.constantFrom<unknown>(2, 0, -1, 1.5, 2_147_483_648, "", Number.NaN),
    hostileValue,
  ),
});
const slug = (): Field => ({
  good: fc.constant<unknown>(REF.id),
  bad: fc.oneof(fc.constantFrom("atlantis-zz", "BOSTON-MA", "a".repeat(81), "-", ""), hostileValue),
});

// dates the regex may let through but a calendar (or Postgres) does not
const DATES = [
  "2017-02-29",
  "2016-02-29",
  "1900-02-29",
  "2017-04-31",
  "2017-13-01",
  "0000-01-01",
  "2100-12-31",
];
/** The proposal form as the browser names its fields, each part good or hostile. */
const proposalFormGen = form(
  Object.fromEntries(
    Object.entries(dottedFields(proposalForm()) as Record<string, string>).map(([k, v]) => [
      k,
      k === "state"
        ? choice("NM", "TX", "nm", "")
        : k === "latitude" || k === "longitude"
          ? { good: fc.oneof(fc.constant(v), fc.double().map(String)), bad: hostileValue }
          : text(v),
    ]),
  ),
);

const updateForm = form({
  title: text("A new detainer ordinance"),
  summary: text(submission("x").summary),
  sourceUrl: {
    good: fc.oneof(fc.constant("https://example.gov/minutes"), fc.webUrl()),
    bad: hostileValue,
  },
  effectiveOn: {
    good: fc.oneof({ weight: 3, arbitrary: fc.constant("2017-04-24") }, fc.constantFrom(...DATES)),
    bad: hostileValue,
  },
  kind: choice(...UPDATE_KINDS),
});

/** A value a person might type into one field of the edit form. */
const typedField = fc.constantFrom(...PROFILE_FIELD_KEYS).chain((field) => {
  const options = Object.keys(profileFieldOptions(field) ?? {});
  const value =
    options.length > 0 ? fc.constantFrom(...options) : text(`A new value ${field}`).good;
  return fc
    .record(
      {
        value: fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: hostileString }),
        detail: fc.oneof(
          { weight: 4, arbitrary: fc.constant("") },
          { weight: 1, arbitrary: text("Some detail").good },
        ),
        sourceUrl: fc.oneof(
          { weight: 4, arbitrary: fc.constant(SOURCE) },
          { weight: 1, arbitrary: hostileString },
        ),
      },
      { requiredKeys: ["value"] },
    )
    .map((typed) => [field, typed] as const);
});
/** What a person types into the edit form (built on the profile as it is at call time), or any value. */
const editRecipe = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      note: arg(text("", "Per the council minutes")),
      typed: fc.array(typedField, { minLength: 1, maxLength: 3 }),
      /** Fields whose "from" the browser tampers with. */
      tamper: fc.oneof(
        { weight: 3, arbitrary: fc.constant({}) },
        {
          weight: 1,
          arbitrary: fc.dictionary(fc.constantFrom(...PROFILE_FIELD_KEYS), hostileValue, {
            maxKeys: 2,
          }),
        },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ raw: fc.oneof(hostileValue, hostileRecord) }) },
);
type EditRecipe = typeof editRecipe extends fc.Arbitrary<infer T> ? T : never;

async function buildEdit(recipe: EditRecipe, cityId: number): Promise<unknown> {
  if ("raw" in recipe) return recipe.raw;
  const built = editForm(
    await currentFields(cityId),
    Object.fromEntries(recipe.typed) as Partial<Record<ProfileFieldKey, Typed>>,
    "",
  ) as { note: unknown; fields: Record<string, Record<string, unknown>> };
  // any value: the form is what a browser could send, not what it should
  built.note = recipe.note;
  for (const [field, value] of Object.entries(recipe.tamper))
    built.fields[field]!.fromValue = value;
  return built;
}

// ---- the property ------------------------------------------------------------

const GENERIC = /^Something went wrong on our side/;
const logged: string[] = [];

/** The answer is a result, and not the generic failure of an unexpected error. */
function expectHandled(result: unknown, input: unknown) {
  const shown = () =>
    `${JSON.stringify(result)} for ${fc.stringify(input)}\n${logged.slice(-1).join("\n")}`;
  expect(result, shown()).toBeTypeOf("object");
  const r = result as ActionResult<unknown>;
  if (r.ok) {
    expect(r, shown()).toHaveProperty("data");
    return;
  }
  expect(r.ok, shown()).toBe(false);
  expect(r.formError !== undefined || r.fieldErrors !== undefined, shown()).toBe(true);
  if (r.formError !== undefined) expect(r.formError, shown()).toBeTypeOf("string");
  expect(r.formError ?? "", shown()).not.toMatch(GENERIC);
}

type Run<F> = { author: TestUser; caller: TestUser | null; fx: F };

type Prop<F, G> = {
  endpoint: Endpoint;
  callers: Kind[];
  /** A call that must go through: shows the run's content and generators reach the DAL. */
  valid: { caller: Kind; input: G };
  /** The author's role (the "author" caller, and whose content the run makes). */
  authorRole?: Role;
  gen: fc.Arbitrary<G>;
  /** The run's content, made before the call. */
  setup?(author: TestUser): Promise<F>;
  call(g: G, run: Run<F>): Promise<unknown>;
  numRuns?: number;
};
const prop = <F, G>(p: Prop<F, G>) => p as unknown as Prop<unknown, unknown>;

/** Strings the database or the schema may choke on, put into each text field of the valid input. */
const NASTY = ["\ud800", "\udfff\ud800", "a\u0000b", "\u202e", "🐉".repeat(300), " ", "%00"];

/** The valid input with one string field (top level, or one level down) made nasty. */
function nastyVariants(input: unknown): unknown[] {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return [];
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string") for (const n of NASTY) out.push({ ...input, [key]: n });
    else if (value && typeof value === "object" && !Array.isArray(value))
      for (const inner of nastyVariants(value)) out.push({ ...input, [key]: inner });
  }
  return out;
}

const isRedirect = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  String((error as { digest?: unknown }).digest).startsWith("NEXT_REDIRECT");

async function runOnce(p: Prop<unknown, unknown>, kind: Kind, g: unknown) {
  const { author, caller } = await people(kind, p.authorRole);
  const fx = p.setup ? await p.setup(author) : undefined;
  actAs(caller);
  let result: ActionResult<unknown>;
  try {
    result = (await p.call(g, { author, caller, fx })) as ActionResult<unknown>;
  } catch (error) {
    // Next's redirect() throws on purpose (submitForm reads it as success); anything else fails
    if (isRedirect(error)) return { ok: true, data: "redirect" } as const;
    throw error;
  }
  expectHandled(result, g);
  return result;
}

async function check(p: Prop<unknown, unknown>) {
  const valid = await runOnce(p, p.valid.caller, p.valid.input);
  expect(valid, `${fc.stringify(p.valid.input)}\n${logged.slice(-1).join("")}`).toMatchObject({
    ok: true,
  });
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...p.callers), p.gen, async (kind, g) => {
      if (!(await runOnce(p, kind, g)).ok) refused++;
    }),
    {
      numRuns: p.numRuns ?? RUNS,
      examples: nastyVariants(p.valid.input).map((g) => [p.valid.caller, g]),
    },
  );
  // the generators also make input that is refused (else they test little)
  expect(refused).toBeGreaterThan(0);
}

const passwordOf = (run: Run<unknown>) => run.caller?.password ?? "nobody's password";

// ---- one property per action -------------------------------------------------

const ACCOUNT = "app/(app)/account/actions.ts";
const MODERATION = "app/(app)/moderation/actions.ts";
const SUBMISSIONS = "app/(app)/me/submissions/actions.ts";
const COMMENTS = "app/_comments/actions.ts";
const NOTIFICATIONS = "app/(app)/notifications/actions.ts";
const FOLLOWS = "app/(public)/cities/actions.ts";
const ADMIN = "app/(app)/admin/users/actions.ts";

/** Input of an action that takes no fields. */
const noFields = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, {}),
  hostileValue,
  hostileRecord,
);
const EDIT_OK: EditRecipe = {
  note: "",
  typed: [["federal_actions", { value: "A new value", detail: "", sourceUrl: SOURCE }]],
  tamper: {},
};

type Pending = { update: number; edit: number; proposal: number };
const pendingWork = async (author: TestUser): Promise<Pending> => ({
  update: await updateBy(author),
  edit: await pendingEdit((await sharedCity()).id, author),
  proposal: await insertProposal(author.id),
});
/** A submission ref whose id is the run's update, edit or proposal, matching the type or not. */
const refOf = (g: unknown, fx: Pending) => {
  const type = field(g, "type");
  return resolve(g, {
    id: type === "edit" ? fx.edit : type === "proposal" ? fx.proposal : fx.update,
  });
};
/** A field of generated input, which may be no object at all. */
function field(g: unknown, key: string): unknown {
  return g !== null && typeof g === "object" && Object.hasOwn(g, key)
    ? (g as Record<string, unknown>)[key]
    : undefined;
}

const PROPS: Prop<unknown, unknown>[] = [
  prop({
    endpoint: { file: "app/(auth)/signup/actions.ts", name: "signUp" },
    callers: ["anonymous", "resident"],
    valid: {
      caller: "anonymous",
      input: {
        name: "New Neighbour",
        email: "someone@example.org",
        password: "a long enough passphrase",
        homeCity: REF.id,
      },
    },
    gen: form({
      name: text("New Neighbour"),
      email: {
        good: fc.oneof(fc.emailAddress(), fc.constant("Someone@Example.org")),
        bad: hostileValue,
      },
      password: text("a long enough passphrase"),
      homeCity: slug(),
    }),
    setup: async () => (await sharedCity()).slug,
    call: (g, { fx }) => submitForm(signUp, resolve(g, { id: fx })),
    numRuns: SLOW_RUNS,
  }),
  prop({
    endpoint: { file: "app/(auth)/login/actions.ts", name: "signOutAction" },
    callers: EVERYONE,
    valid: { caller: "resident", input: {} },
    gen: noFields,
    call: (g) => submitForm(signOutAction, g),
  }),
  prop({
    endpoint: { file: "app/(auth)/login/actions.ts", name: "signInAction" },
    callers: ["anonymous", "resident"],
    valid: { caller: "anonymous", input: { email: REF.email, password: REF.password } },
    gen: form({
      email: {
        good: fc.oneof(fc.constant<unknown>(REF.email), fc.emailAddress()),
        bad: hostileValue,
      },
      password: {
        good: fc.oneof(fc.constant<unknown>(REF.password), text("a wrong guess").good),
        bad: hostileValue,
      },
    }),
    call: (g, { author }) =>
      submitForm(signInAction, resolve(g, { email: author.email, password: author.password })),
    numRuns: SLOW_RUNS,
  }),
  prop({
    endpoint: { file: ADMIN, name: "setRoleAction" },
    callers: ["admin", "moderator", "resident"],
    valid: { caller: "admin", input: { userId: REF.id, role: "moderator", reason: "Trusted" } },
    gen: form({
      userId: id(),
      role: choice("resident", "moderator", "admin"),
      reason: text("Trusted"),
    }),
    call: (g, { author }) => submitForm(setRoleAction, resolve(g, { id: author.id })),
  }),
  prop({
    endpoint: { file: ADMIN, name: "unbanUserAction" },
    callers: ["admin", "resident"],
    valid: { caller: "admin", input: { userId: REF.id, reason: "Appeal granted" } },
    gen: form({ userId: id(), reason: text("Appeal granted") }),
    // the author is banned here (see below), so the admin's unban reaches the write
    setup: async (author) => {
      const db = await getDb();
      await db
        .update(users)
        .set({ bannedAt: new Date(), banReason: "test ban" })
        .where(eq(users.id, author.id));
      return null;
    },
    call: (g, { author }) => submitForm(unbanUserAction, resolve(g, { id: author.id })),
  }),

  prop({
    endpoint: { file: "app/(app)/cities/[slug]/edit/actions.ts", name: "proposeEditAction" },
    callers: ["resident", "anonymous", "banned"],
    valid: { caller: "resident", input: { slug: REF.id, recipe: EDIT_OK } },
    gen: fc.record({ slug: arg(slug()), recipe: editRecipe }),
    setup: () => sharedCity(),
    call: async (g, { fx }) => {
      const city = fx as { id: number; slug: string };
      return submitForm(
        (state, form) => proposeEditAction(resolve(g.slug, { id: city.slug }), state, form),
        dottedFields(await buildEdit(g.recipe, city.id)),
      );
    },
  }),
  prop({
    endpoint: {
      file: "app/(app)/cities/[slug]/updates/new/actions.ts",
      name: "submitUpdateAction",
    },
    callers: ["resident", "anonymous"],
    valid: {
      caller: "resident",
      input: { slug: REF.id, input: submission("A new detainer ordinance") },
    },
    gen: fc.record({ slug: arg(slug()), input: updateForm }),
    setup: async () => (await sharedCity()).slug,
    call: (g, { fx }) =>
      submitForm(
        (state, form) => submitUpdateAction(resolve(g.slug, { id: fx }), state, form),
        g.input,
      ),
  }),

  prop({
    endpoint: { file: "app/(app)/cities/new/actions.ts", name: "proposeJurisdictionAction" },
    callers: ["resident", "anonymous"],
    valid: { caller: "resident", input: dottedFields(proposalForm()) },
    gen: proposalFormGen,
    call: (g) => submitForm(proposeJurisdictionAction, g),
  }),

  prop({
    endpoint: { file: MODERATION, name: "claimAction" },
    callers: ["moderator", "admin", "author", "resident"],
    valid: { caller: "moderator", input: { type: "update", id: REF.id } },
    authorRole: "moderator",
    gen: form({ type: choice(...REVIEW_TYPES), id: id() }),
    setup: pendingWork,
    call: (g, { fx }) => submitForm(claimAction, refOf(g, fx as Pending)),
  }),
  prop({
    endpoint: { file: MODERATION, name: "decideAction" },
    callers: ["moderator", "admin", "author", "resident"],
    valid: {
      caller: "moderator",
      input: {
        type: "update",
        id: REF.id,
        version: 1,
        decision: "reject",
        reason: "No reliable source",
      },
    },
    authorRole: "moderator",
    gen: form({
      type: choice(...REVIEW_TYPES),
      id: id(),
      version: { good: fc.constant(1), bad: version },
      decision: choice("approve", "reject"),
      reason: text("", "No reliable source"),
    }),
    setup: pendingWork,
    call: (g, { fx }) => submitForm(decideAction, refOf(g, fx as Pending)),
  }),
  prop({
    endpoint: { file: MODERATION, name: "visibilityAction" },
    callers: ["moderator", "admin", "author", "resident"],
    valid: { caller: "moderator", input: { id: REF.id, action: "hide", reason: "Wrong city" } },
    authorRole: "moderator",
    gen: form({ id: id(), action: choice("hide", "restore"), reason: text("Wrong city") }),
    setup: async (author) => ({
      approved: await updateBy(author, "approved"),
      hidden: await updateBy(author, "hidden"),
    }),
    call: (g, { fx }) => {
      const u = fx as { approved: number; hidden: number };
      const target = field(g, "action") === "restore" ? u.hidden : u.approved;
      return submitForm(visibilityAction, resolve(g, { id: target }));
    },
  }),
  prop({
    endpoint: { file: "app/(public)/cities/[slug]/history/actions.ts", name: "revertAction" },
    callers: ["moderator", "admin", "resident"],
    valid: {
      caller: "moderator",
      input: { revisionId: REF.id, latestRevisionId: REF.other, reason: "Vandalism" },
    },
    gen: form({
      revisionId: id(),
      latestRevisionId: id(REF.other),
      reason: text("Vandalism"),
    }),
    setup: revertable,
    numRuns: SLOW_RUNS,
    call: (g, { fx }) => {
      const r = fx as { baseline: number; latest: () => Promise<number> };
      return r
        .latest()
        .then((latest) => submitForm(revertAction, resolve(g, { id: r.baseline, other: latest })));
    },
  }),

  prop({
    endpoint: { file: SUBMISSIONS, name: "withdrawAction" },
    callers: ["author", "resident", "moderator"],
    valid: { caller: "author", input: { type: "update", id: REF.id } },
    gen: form({ type: choice(...SUBMISSION_TYPES), id: id() }),
    setup: pendingWork,
    call: (g, { fx }) => submitForm(withdrawAction, refOf(g, fx as Pending)),
  }),
  prop({
    endpoint: { file: SUBMISSIONS, name: "reviseUpdateAction" },
    callers: ["author", "resident"],
    valid: {
      caller: "author",
      input: { id: REF.id, version: 1, input: submission("A revised detainer ordinance") },
    },
    gen: fc.record({ id: arg(id()), version, input: updateForm }),
    setup: pendingWork,
    call: (g, { fx }) => {
      const p = fx as Pending;
      return submitForm(
        (state, form) =>
          reviseUpdateAction(resolve(g.id, { id: p.update }), g.version, state, form),
        g.input,
      );
    },
  }),
  prop({
    endpoint: { file: SUBMISSIONS, name: "reviseEditAction" },
    callers: ["author", "resident"],
    valid: { caller: "author", input: { id: REF.id, version: 1, recipe: EDIT_OK } },
    gen: fc.record({ id: arg(id()), version, recipe: editRecipe }),
    setup: pendingWork,
    call: async (g, { fx }) => {
      const p = fx as Pending;
      return submitForm(
        (state, form) => reviseEditAction(resolve(g.id, { id: p.edit }), g.version, state, form),
        dottedFields(await buildEdit(g.recipe, (await sharedCity()).id)),
      );
    },
  }),

  prop({
    endpoint: { file: ACCOUNT, name: "changePasswordAction" },
    callers: ["author", "anonymous", "banned"],
    valid: {
      caller: "author",
      input: { currentPassword: REF.password, newPassword: "a brand new passphrase 7" },
    },
    gen: form({
      currentPassword: {
        good: fc.oneof(
          { weight: 3, arbitrary: fc.constant<unknown>(REF.password) },
          { weight: 1, arbitrary: text("wrong password").good },
        ),
        bad: hostileValue,
      },
      newPassword: text("a brand new passphrase 7"),
    }),
    call: (g, run) => submitForm(changePasswordAction, resolve(g, { password: passwordOf(run) })),
    numRuns: SLOW_RUNS,
  }),
  prop({
    endpoint: { file: ACCOUNT, name: "changeEmailAction" },
    callers: ["author", "anonymous", "banned"],
    valid: { caller: "author", input: { newEmail: "moved@example.org", password: REF.password } },
    gen: form({
      newEmail: {
        good: fc.oneof(fc.constant<unknown>("moved@example.org"), fc.emailAddress()),
        bad: hostileValue,
      },
      password: {
        good: fc.oneof(
          { weight: 3, arbitrary: fc.constant<unknown>(REF.password) },
          { weight: 1, arbitrary: text("wrong password").good },
        ),
        bad: hostileValue,
      },
    }),
    call: (g, run) => submitForm(changeEmailAction, resolve(g, { password: passwordOf(run) })),
    numRuns: SLOW_RUNS,
  }),
  prop({
    endpoint: { file: ACCOUNT, name: "deleteAccountAction" },
    callers: ["author", "anonymous", "banned"],
    valid: { caller: "author", input: { password: REF.password, confirm: "delete my account" } },
    gen: form({
      password: {
        good: fc.oneof(
          { weight: 3, arbitrary: fc.constant<unknown>(REF.password) },
          { weight: 1, arbitrary: text("wrong password").good },
        ),
        bad: hostileValue,
      },
      confirm: choice("delete my account", "DELETE MY ACCOUNT", " delete my account "),
    }),
    call: (g, run) => submitForm(deleteAccountAction, resolve(g, { password: passwordOf(run) })),
    numRuns: SLOW_RUNS,
  }),
  prop({
    endpoint: { file: ACCOUNT, name: "signOutEverywhereAction" },
    callers: EVERYONE,
    valid: { caller: "resident", input: {} },
    gen: noFields,
    call: (g) => submitForm(signOutEverywhereAction, g),
  }),
  prop({
    endpoint: { file: ACCOUNT, name: "endSessionAction" },
    callers: ["author", "resident", "anonymous", "banned"],
    valid: { caller: "author", input: { sessionId: REF.id } },
    gen: form({
      sessionId: {
        good: fc.constantFrom<unknown>(REF.id, "AAAAAAAAAAAAAAAAAAAAAA"),
        bad: hostileValue,
      },
    }),
    // A second session of the author's, which the valid call ends.
    setup: async (author) => (await newSession(author)).sessionId,
    call: (g, { fx }) => submitForm(endSessionAction, resolve(g, { id: fx })),
  }),
  prop({
    endpoint: { file: ACCOUNT, name: "resetPrivateFeedAction" },
    callers: EVERYONE,
    valid: { caller: "resident", input: {} },
    gen: noFields,
    call: (g) => submitForm(resetPrivateFeedAction, g),
  }),
  prop({
    endpoint: { file: ACCOUNT, name: "setEmailFrequencyAction" },
    callers: EVERYONE,
    valid: { caller: "resident", input: { frequency: "never" } },
    gen: form({ frequency: choice(...EMAIL_FREQUENCIES) }),
    call: (g) => submitForm(setEmailFrequencyAction, g),
  }),

  prop({
    endpoint: { file: NOTIFICATIONS, name: "markReadAction" },
    callers: ["author", "resident", "anonymous"],
    valid: { caller: "author", input: { id: REF.id } },
    gen: form({ id: id() }),
    setup: (author) => notificationOf(author.id),
    call: (g, { fx }) => submitForm(markReadAction, resolve(g, { id: fx })),
  }),
  prop({
    endpoint: { file: NOTIFICATIONS, name: "markAllReadAction" },
    callers: ["author", "resident", "anonymous"],
    valid: { caller: "author", input: { upTo: REF.id } },
    gen: form({ upTo: id() }),
    setup: (author) => notificationOf(author.id),
    call: (g, { fx }) => submitForm(markAllReadAction, resolve(g, { id: fx })),
  }),

  prop({
    endpoint: { file: FOLLOWS, name: "setFollowAction" },
    callers: EVERYONE,
    valid: { caller: "resident", input: { city: REF.id, intent: "follow" } },
    gen: form({ city: slug(), intent: choice("follow", "unfollow") }),
    setup: async () => (await sharedCity()).slug,
    call: (g, { fx }) => submitForm(setFollowAction, resolve(g, { id: fx })),
  }),
  prop({
    endpoint: { file: "app/(auth)/forgot-password/actions.ts", name: "forgotPasswordAction" },
    callers: EVERYONE,
    valid: { caller: "anonymous", input: { email: REF.email } },
    gen: form({
      email: {
        good: fc.oneof(fc.constant<unknown>(REF.email), fc.emailAddress()),
        bad: hostileValue,
      },
    }),
    call: (g, { author }) => submitForm(forgotPasswordAction, resolve(g, { email: author.email })),
  }),
  prop({
    endpoint: { file: "app/(auth)/reset-password/actions.ts", name: "resetPasswordAction" },
    callers: EVERYONE,
    valid: {
      caller: "anonymous",
      input: { token: REF.id, newPassword: "a brand new passphrase for resets" },
    },
    gen: form({
      token: {
        good: fc.constant<unknown>(REF.id),
        bad: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), hostileValue),
      },
      newPassword: text("a brand new passphrase for resets", "password"),
    }),
    setup: (author) => issueTestLink(author, "reset_password"),
    call: (g, { fx }) => submitForm(resetPasswordAction, resolve(g, { id: fx })),
  }),
  prop({
    endpoint: { file: "app/(auth)/verify-email/actions.ts", name: "resendVerificationAction" },
    callers: [...EVERYONE, "author"],
    valid: { caller: "author", input: {} },
    gen: noFields,
    // the author's address is not confirmed yet
    setup: async (author) => {
      const db = await getDb();
      await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, author.id));
    },
    call: (g) => submitForm(resendVerificationAction, g),
  }),
  prop({
    endpoint: { file: "app/(public)/unsubscribe/actions.ts", name: "unsubscribeAction" },
    callers: ["anonymous", "resident"],
    valid: { caller: "anonymous", input: { token: REF.id } },
    gen: form({
      token: {
        good: fc.constantFrom<unknown>(REF.id, REF.other),
        bad: fc.oneof(fc.stringMatching(/^[1-9]\d{0,9}\.[A-Za-z0-9_-]{43}$/), hostileValue),
      },
    }),
    call: (g, { author }) =>
      submitForm(
        unsubscribeAction,
        resolve(g, {
          id: unsubscribeToken(author.id),
          other: `${author.id}.${unsubscribeToken(author.id + 1).split(".")[1]}`,
        }),
      ),
  }),

  prop({
    endpoint: { file: COMMENTS, name: "postCommentFormAction" },
    callers: ["resident", "anonymous", "banned"],
    valid: {
      caller: "resident",
      input: { subject: REF.id, parentId: REF.parent, body: "A thoughtful comment" },
    },
    gen: form({
      subject: {
        good: fc.constantFrom<unknown>(REF.id, REF.id, REF.other, `article:${ARTICLE_SLUG}`),
        bad: fc.oneof(
          fc.constantFrom("update:2147483647", "update:2147483648", "city:atlantis-zz", "update:0"),
          hostileValue,
        ),
      },
      parentId: {
        good: fc.constantFrom<unknown>(undefined, REF.parent),
        bad: id(REF.parent).bad,
      },
      body: text("A thoughtful comment"),
    }),
    setup: async (author) => ({
      subject: citySubject(await sharedCity()),
      update: `update:${await updateBy(author, "approved")}`,
      parent: await commentBy(author),
    }),
    call: (g, { fx }) => {
      const s = fx as { subject: string; update: string; parent: number };
      return submitForm(
        postCommentFormAction,
        resolve(g, { id: s.subject, other: s.update, parent: s.parent }),
      );
    },
  }),
  prop({
    endpoint: { file: COMMENTS, name: "editCommentFormAction" },
    callers: ["author", "resident"],
    valid: { caller: "author", input: { id: REF.id, body: "An edited comment" } },
    gen: form({ id: id(), body: text("An edited comment") }),
    setup: (author) => commentBy(author),
    call: (g, { fx }) => submitForm(editCommentFormAction, resolve(g, { id: fx })),
  }),
  prop({
    endpoint: { file: COMMENTS, name: "deleteCommentFormAction" },
    callers: ["author", "resident"],
    valid: { caller: "author", input: { subject: "city:boston-ma", input: { id: REF.id } } },
    gen: fc.record({
      subject: arg({ good: fc.constant<unknown>("city:boston-ma"), bad: hostileValue }),
      input: form({ id: id() }),
    }),
    setup: (author) => commentBy(author),
    call: (g, { fx }) =>
      submitForm(
        (state, data) => deleteCommentFormAction(g.subject, state, data),
        resolve(g.input, { id: fx }),
      ),
  }),
  prop({
    endpoint: { file: COMMENTS, name: "reportCommentFormAction" },
    callers: ["resident", "author", "anonymous"],
    valid: { caller: "resident", input: { id: REF.id, reason: "spam" } },
    gen: form({ id: id(), reason: choice(...REPORT_REASONS) }),
    setup: (author) => commentBy(author),
    call: (g, { fx }) => submitForm(reportCommentFormAction, resolve(g, { id: fx })),
  }),
  prop({
    endpoint: { file: COMMENTS, name: "moderateCommentFormAction" },
    callers: ["moderator", "admin", "resident"],
    valid: {
      caller: "moderator",
      input: { id: REF.id, action: "restore", reason: "Reviewed: fine" },
    },
    gen: form({ id: id(), action: choice("hide", "restore"), reason: text("Abusive language") }),
    setup: (author) => commentBy(author, { status: "hidden", review: "pending" }),
    call: (g, { fx }) => submitForm(moderateCommentFormAction, resolve(g, { id: fx })),
  }),
];

/** A city of its own whose profile an approved edit changed after the baseline. */
async function revertable(author: TestUser) {
  const city = await createTestCity();
  const [baseline] = await revisionsOf(city.id);
  actAs(author);
  const edit = await proposeEdit(
    city.slug,
    editInput(await currentFields(city.id), { federal_actions: { value: `Changed ${unique()}` } }),
  );
  if (!edit.ok) throw new Error(JSON.stringify(edit));
  actAs(await createTestUser({ role: "moderator" }));
  const decided = await decideSubmission({
    type: "edit",
    id: edit.data.id,
    version: 1,
    decision: "approve",
    reason: "",
  });
  if (!decided.ok) throw new Error(JSON.stringify(decided));
  return { baseline: baseline!.id, latest: () => latestRevisionIdOf(baseline!.id) };
}

beforeAll(async () => {
  await getDb();
  await sharedCity();
  // unexpected errors are logged by failure(); keep them for the failure message, not the console
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  });
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("every action answers a result for any input, whoever calls", () => {
  for (const p of PROPS) {
    it(`${p.endpoint.name} as ${p.callers.join(" / ")}`, () => check(p));
  }
});

describe("the property suite is complete", () => {
  it("every server action and mutating route has a property here or elsewhere", async () => {
    const { actions, routes } = await listEndpoints();
    const here = PROPS.map((p) => endpointKey(p.endpoint));
    const all = [...actions, ...routes].map(endpointKey).sort();
    expect([...here, ...Object.keys(COVERED_ELSEWHERE)].sort()).toEqual(all);
  });
});
