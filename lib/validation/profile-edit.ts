import { z } from "zod";
import {
  hasDetail,
  PROFILE_FIELD_KEYS,
  profileFieldOptions,
  type FieldChange,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import { hasControlChars } from "./auth";
import { sourceUrlSchema } from "./update";

const MAX_VALUE = 500;
const MAX_DETAIL = 2000;

/** One field as the form sends it: what it showed (from) and what the person wants (to). */
const fieldInput = z.strictObject({
  fromValue: z.string().max(MAX_VALUE * 2),
  fromDetail: z.string().max(MAX_DETAIL * 2),
  toValue: z.string().max(MAX_VALUE * 2),
  toDetail: z.string().max(MAX_DETAIL * 2),
  sourceUrl: z.string().max(4000),
});
export type FieldInput = z.infer<typeof fieldInput>;

const fieldsShape = Object.fromEntries(PROFILE_FIELD_KEYS.map((k) => [k, fieldInput])) as Record<
  ProfileFieldKey,
  typeof fieldInput
>;

/** Whether the person changed this field (value or explanation), ignoring surrounding spaces. */
export const isChanged = (f: FieldInput) =>
  f.toValue.trim() !== f.fromValue || f.toDetail.trim() !== f.fromDetail;

/**
 * The profile-edit form: every field, of which at least one is changed, and
 * each changed field has a valid value and a source. Parses to the list of
 * changes the edit records.
 */
export const profileEditSchema = z
  .strictObject({
    note: z
      .string()
      .trim()
      .max(2000, "Use at most 2000 characters.")
      .refine((v) => !hasControlChars(v), "Remove control characters."),
    fields: z.strictObject(fieldsShape),
  })
  .superRefine((input, ctx) => {
    const changed = PROFILE_FIELD_KEYS.filter((k) => isChanged(input.fields[k]));
    if (changed.length === 0) {
      // "root": react-hook-form shows it as the form's own error, not a field's
      ctx.addIssue({
        code: "custom",
        path: ["root"],
        message: "Change at least one field before sending.",
      });
    }
    for (const field of changed) {
      const f = input.fields[field];
      const at = (key: keyof FieldInput, message: string) =>
        ctx.addIssue({ code: "custom", path: ["fields", field, key], message });
      const value = f.toValue.trim();
      const options = profileFieldOptions(field);
      if (options) {
        if (!Object.hasOwn(options, value)) at("toValue", "Choose one of the listed values.");
      } else if (value.length < 2) {
        at("toValue", field === "leader" ? "Enter the leader's name." : "Enter the new value.");
      } else if (value.length > MAX_VALUE) {
        at("toValue", `Use at most ${MAX_VALUE} characters.`);
      } else if (hasControlChars(value)) {
        at("toValue", "Remove control characters.");
      }
      const detail = f.toDetail.trim();
      if (!hasDetail(field) && detail) at("toDetail", "This field has no explanation.");
      if (detail.length > MAX_DETAIL) at("toDetail", `Use at most ${MAX_DETAIL} characters.`);
      else if (hasControlChars(detail)) at("toDetail", "Remove control characters.");
      const source = sourceUrlSchema.safeParse(f.sourceUrl);
      if (!source.success) {
        at("sourceUrl", source.error.issues[0]?.message ?? "Enter the source's web address.");
      }
    }
  })
  .transform((input) => ({
    note: input.note,
    changes: PROFILE_FIELD_KEYS.filter((k) => isChanged(input.fields[k])).map(
      (field): FieldChange => ({
        field,
        fromValue: input.fields[field].fromValue,
        fromDetail: input.fields[field].fromDetail,
        toValue: input.fields[field].toValue.trim(),
        toDetail: input.fields[field].toDetail.trim(),
        sourceUrl: input.fields[field].sourceUrl.trim(),
      }),
    ),
  }));
export type ProfileEditForm = z.input<typeof profileEditSchema>;
export type ProfileEditInput = z.output<typeof profileEditSchema>;
