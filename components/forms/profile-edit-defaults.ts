import {
  PROFILE_FIELD_KEYS,
  type FieldChange,
  type FieldState,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import type { ProfileEditForm } from "@/lib/validation/profile-edit";

/**
 * The form's starting values: each field as the profile holds it now (from),
 * and as the edit being revised proposed it, if any (to).
 */
export function profileEditDefaults(
  fields: Record<ProfileFieldKey, FieldState>,
  proposed: Partial<Record<ProfileFieldKey, FieldChange>> | undefined,
  note: string | undefined,
): ProfileEditForm {
  return {
    note: note ?? "",
    fields: Object.fromEntries(
      PROFILE_FIELD_KEYS.map((k) => {
        const now = fields[k];
        const was = proposed?.[k];
        return [
          k,
          {
            fromValue: now.value,
            fromDetail: now.detail,
            toValue: was?.toValue ?? now.value,
            toDetail: was?.toDetail ?? now.detail,
            sourceUrl: was?.sourceUrl ?? "",
          },
        ];
      }),
    ) as ProfileEditForm["fields"],
  };
}
