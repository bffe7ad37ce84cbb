import { z } from "zod";
import { hasControlChars } from "./auth";
import { UPDATE_KINDS, type UpdateKind } from "@/lib/enums";

export const UPDATE_KIND_LABELS: Record<UpdateKind, string> = {
  ordinance: "Ordinance",
  executive_order: "Executive order",
  police_directive: "Police directive",
  court_ruling: "Court ruling",
  federal_action: "Federal action",
  statement: "Statement",
  other: "Other",
};

export const text = (min: number, max: number, what: string) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(min, min <= 1 ? `Enter ${what}.` : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => !hasControlChars(v), "Remove control characters.");

export const sourceUrlSchema = z
  .string({ error: "Enter the source's web address." })
  .trim()
  .min(1, "Enter the source's web address.")
  .max(2000, "That address is too long.")
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: "Enter a web address starting with http:// or https://.",
    }),
  );

export const dateSchema = z.iso
  .date({ error: "Enter a date." })
  .refine((d) => d >= "1900-01-01" && d <= "2100-12-31", "Enter a date between 1900 and 2100.");

export const submitUpdateSchema = z.strictObject({
  title: text(5, 160, "a title"),
  summary: text(20, 10_000, "a summary"),
  sourceUrl: sourceUrlSchema,
  effectiveOn: dateSchema,
  kind: z.enum(UPDATE_KINDS, { error: "Choose what kind of change this is." }),
});
export type SubmitUpdateInput = z.infer<typeof submitUpdateSchema>;
