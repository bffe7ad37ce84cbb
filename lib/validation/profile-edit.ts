import { z } from "zod";
import {
  hasDetail,
  PROFILE_FIELD_KEYS,
  profileFieldOptions,
  type FieldChange,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import { lineText, longText, tidy } from "./text";
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

/**
 * Whether the person changed this field (value or explanation), ignoring surrounding spaces
 * and how the characters were composed (NFC), so a value shown in another form is not a change.
 */
export const isChanged = (f: FieldInput) =>
  tidy(f.toValue) !== tidy(f.fromValue) || tidy(f.toDetail) !== tidy(f.fromDetail);

/** A free-text value (the leader's name): one line. */
const freeValue = (missing: string) =>
  lineText({ min: 2, max: MAX_VALUE, missing, short: missing });
const leaderName = freeValue("Enter the leader's name.");
const otherValue = freeValue("Enter the new value.");
const detailText = longText({ max: MAX_DETAIL });

/**
 * The profile-edit form: every field, of which at least one is changed, and
 * each changed field has a valid value and a source. Parses to the list of
 * changes the edit records.
 */
export const profileEditSchema = z
  .strictObject({
    note: longText({ max: 2000 }),
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
      /** The first problem `schema` finds in `key`, on that field. */
      const check = (key: keyof FieldInput, schema: z.ZodType) => {
        const result = schema.safeParse(f[key]);
        if (!result.success) at(key, result.error.issues[0]?.message ?? "Check this value.");
      };
      const options = profileFieldOptions(field);
      if (options) {
        if (!Object.hasOwn(options, tidy(f.toValue))) {
          at("toValue", "Choose one of the listed values.");
        }
      } else {
        check("toValue", field === "leader" ? leaderName : otherValue);
      }
      if (!hasDetail(field) && tidy(f.toDetail)) at("toDetail", "This field has no explanation.");
      else check("toDetail", detailText);
      check("sourceUrl", sourceUrlSchema);
    }
  })
  .transform((input) => ({
    note: input.note,
    changes: PROFILE_FIELD_KEYS.filter((k) => isChanged(input.fields[k])).map(
      (field): FieldChange => ({
        field,
        fromValue: input.fields[field].fromValue,
        fromDetail: input.fields[field].fromDetail,
        toValue: tidy(input.fields[field].toValue),
        toDetail: tidy(input.fields[field].toDetail),
        sourceUrl: tidy(input.fields[field].sourceUrl),
      }),
    ),
  }));
export type ProfileEditForm = z.input<typeof profileEditSchema>;
export type ProfileEditInput = z.output<typeof profileEditSchema>;
