import { z } from "zod";
import { lineText, longText, webAddress } from "./text";
import { UPDATE_KINDS } from "@/lib/enums";

/** Where a change is written down: shown to moderators and readers as typed, so nothing invisible. */
export const sourceUrlSchema = webAddress({
  missing: "Enter the source's web address.",
  max: 2000,
});

export const dateSchema = z.iso
  .date({ error: "Enter a date." })
  .refine((d) => d >= "1900-01-01" && d <= "2100-12-31", "Enter a date between 1900 and 2100.");

export const submitUpdateSchema = z.strictObject({
  title: lineText({ min: 5, max: 160, missing: "Enter a title.", field: "the title" }),
  summary: longText({ min: 20, max: 10_000, missing: "Enter a summary." }),
  sourceUrl: sourceUrlSchema,
  effectiveOn: dateSchema,
  kind: z.enum(UPDATE_KINDS, { error: "Choose what kind of change this is." }),
});
export type SubmitUpdateInput = z.infer<typeof submitUpdateSchema>;
