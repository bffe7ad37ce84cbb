import { z } from "zod";
import { JURISDICTION_KINDS } from "@/lib/enums";
import { POLICY_FIELD_KEYS, POLICY_FIELDS, type PolicyFieldKey } from "@/lib/policy-fields";
import { stateByCode } from "@/lib/us-states";
import { lineText, longText, tidy } from "./text";
import { dateSchema, sourceUrlSchema } from "./update";

/** A policy field as the form sends it: its value, explanation, source and date. */
const factInput = z.strictObject({
  value: z.string().max(1000),
  detail: z.string().max(4000),
  sourceUrl: z.string().max(4000),
  asOf: z.string().max(40),
});
export type FactInput = z.infer<typeof factInput>;

const factsShape = Object.fromEntries(POLICY_FIELD_KEYS.map((k) => [k, factInput])) as Record<
  PolicyFieldKey,
  typeof factInput
>;

/** One policy field as the proposal records it. */
export type ProposedFact = {
  field: PolicyFieldKey;
  value: string;
  detail: string;
  sourceUrl: string;
  asOf: string;
};

/** Whether the person gave this field a value: "Unknown" (or nothing, for free text) records nothing. */
export const isKnown = (f: FactInput) => tidy(f.value) !== "" && tidy(f.value) !== "unknown";

const loose = (max: number) => z.string().max(max);

/** One line of at least two characters; empty or one character reads `missing`. */
const required = (max: number, missing: string) =>
  lineText({ min: 2, max, missing, short: missing });

const fields = {
  name: required(60, "Enter the jurisdiction's name."),
  state: z
    .string({ error: "Choose a state." })
    .refine((v) => stateByCode(v) !== undefined, "Choose a state.")
    .transform((v) => v.trim().toUpperCase()),
  kind: z.enum(JURISDICTION_KINDS, { error: "Choose what kind of jurisdiction it is." }),
  leaderTitle: required(60, "Enter the leader's title, e.g. Mayor."),
  leaderName: required(120, "Enter the leader's name."),
  leaderSince: dateSchema,
  leaderSourceUrl: sourceUrlSchema,
  population: z
    .string({ error: "Enter the population." })
    .trim()
    .regex(/^\d{1,9}$/, "Enter the population as a whole number, e.g. 87505.")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100_000_000, "Enter a population between 1 and 100,000,000."),
  populationYear: z
    .string({ error: "Enter the year of the count." })
    .trim()
    .regex(/^\d{4}$/, "Enter a year, e.g. 2020.")
    .transform(Number)
    .refine((n) => n >= 1790 && n <= 2100, "Enter a year between 1790 and 2100."),
  populationSourceUrl: sourceUrlSchema,
  description: longText({ min: 20, max: 2000, missing: "Describe the jurisdiction briefly." }),
  latitude: coordinate(90, "latitude", "35.687"),
  longitude: coordinate(180, "longitude", "-105.938"),
};

/** Degrees as typed ("35.687", "-105.938"), within ±`limit`. */
function coordinate(limit: number, name: string, example: string) {
  return z
    .string({ error: `Enter the ${name}.` })
    .trim()
    .regex(/^[-+]?\d{1,3}(\.\d{1,10})?$/, `Enter the ${name} in decimal degrees, e.g. ${example}.`)
    .transform(Number)
    .refine((n) => Math.abs(n) <= limit, `The ${name} is between -${limit} and ${limit}.`);
}

type Fields = typeof fields;
type Parsed = { [K in keyof Fields]: z.output<Fields[K]> };

/** Whether a point lies inside a state: lib/geo/state-bounds.ts, on the server. */
export type InsideState = (stateCode: string, latitude: number, longitude: number) => boolean;

/**
 * The "Propose a jurisdiction" form. Every field is read loosely first and
 * checked in one pass, so each problem shows beside its own field at once;
 * each policy field given a value needs its source and date, and, given
 * `insideState`, the coordinates must lie inside the chosen state. Parses to
 * the proposal to record.
 *
 * The browser checks all but the last: the state boundaries are 115 KB the
 * form should not download. The server action parses with
 * `jurisdictionProposalServerSchema` (./jurisdiction-proposal-server.ts),
 * this same schema with the boundaries, so that error comes back beside the
 * coordinates with the rest.
 */
export const makeJurisdictionProposalSchema = (insideState?: InsideState) =>
  z
    .strictObject({
      ...(Object.fromEntries(Object.keys(fields).map((k) => [k, loose(20_000)])) as Record<
        keyof Fields,
        z.ZodString
      >),
      facts: z.strictObject(factsShape),
    })
    .transform((input, ctx) => {
      const parsed: Partial<Parsed> = {};
      for (const key of Object.keys(fields) as (keyof Fields)[]) {
        const result = fields[key].safeParse(input[key]);
        if (result.success) (parsed as Record<string, unknown>)[key] = result.data;
        else
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: result.error.issues[0]?.message ?? "Check this value.",
          });
      }
      const { state, latitude, longitude } = parsed;
      if (insideState && state && latitude !== undefined && longitude !== undefined) {
        if (!insideState(state, latitude, longitude)) {
          const where = stateByCode(state)!.name;
          for (const path of ["latitude", "longitude"]) {
            ctx.addIssue({
              code: "custom",
              path: [path],
              message: `This point is outside ${where}: check the latitude and longitude.`,
            });
          }
        }
      }
      const facts = POLICY_FIELD_KEYS.flatMap((field): ProposedFact[] => {
        const f = input.facts[field];
        if (!isKnown(f)) return [];
        const at = (key: keyof FactInput, message: string) =>
          ctx.addIssue({ code: "custom", path: ["facts", field, key], message });
        const check = <T>(key: keyof FactInput, schema: z.ZodType<T>): T | undefined => {
          const result = schema.safeParse(f[key]);
          if (result.success) return result.data;
          at(key, result.error.issues[0]?.message ?? "Check this value.");
          return undefined;
        };
        const options = POLICY_FIELDS[field].options as Record<string, string> | null;
        const value = tidy(f.value);
        if (options && !Object.hasOwn(options, value))
          at("value", "Choose one of the listed values.");
        if (!options) check("value", lineText({ min: 2, max: 500, missing: "Enter a value." }));
        const detail = check("detail", longText({ max: 2000 }));
        const sourceUrl = check("sourceUrl", sourceUrlSchema);
        const asOf = check("asOf", dateSchema);
        if (detail === undefined || !sourceUrl || !asOf) return [];
        return [{ field, value, detail, sourceUrl, asOf }];
      });
      if (ctx.issues.length > 0) return z.NEVER;
      return { ...(parsed as Parsed), facts };
    });

/** The form's schema as the browser runs it (no boundaries: see above). */
export const jurisdictionProposalSchema = makeJurisdictionProposalSchema();
export type JurisdictionProposalForm = z.input<typeof jurisdictionProposalSchema>;
export type JurisdictionProposalInput = z.output<typeof jurisdictionProposalSchema>;
