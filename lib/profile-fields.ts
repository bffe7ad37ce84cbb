import {
  POLICY_FIELD_KEYS,
  POLICY_FIELDS,
  policyValueLabel,
  type PolicyFieldKey,
} from "./policy-fields";

/**
 * The fields a volunteer can propose to change: every policy-profile field
 * and the jurisdiction's leader (the mayor, or a county's executive).
 */
export type ProfileFieldKey = PolicyFieldKey | "leader";

export const PROFILE_FIELD_KEYS: readonly ProfileFieldKey[] = [...POLICY_FIELD_KEYS, "leader"];

export function isProfileField(key: string): key is ProfileFieldKey {
  return (PROFILE_FIELD_KEYS as readonly string[]).includes(key);
}

/** The field's label; the leader is named by the jurisdiction's own title ("Mayor"). */
export function profileFieldLabel(field: ProfileFieldKey, leaderTitle = "Mayor"): string {
  return field === "leader" ? leaderTitle : POLICY_FIELDS[field].label;
}

/** The allowed values of an enumerated field, or null for free text. */
export function profileFieldOptions(field: ProfileFieldKey): Record<string, string> | null {
  return field === "leader"
    ? null
    : (POLICY_FIELDS[field].options as Record<string, string> | null);
}

/** Whether the field carries an explanation under its value (the leader does not). */
export const hasDetail = (field: ProfileFieldKey) => field !== "leader";

/** The human label of a stored value. */
export function profileValueLabel(field: ProfileFieldKey, value: string): string {
  return field === "leader" ? value : policyValueLabel(field, value);
}

/** A field as the profile holds it now. */
export type FieldState = { value: string; detail: string; sourceUrl: string; asOf: string };

/** A field the profile does not hold yet: an edit starts it from empty. */
export const EMPTY_FIELD: FieldState = { value: "", detail: "", sourceUrl: "", asOf: "" };

/** One field's proposed or recorded change. */
export type FieldChange = {
  field: ProfileFieldKey;
  fromValue: string;
  fromDetail: string;
  toValue: string;
  toDetail: string;
  sourceUrl: string;
};

/** A change as a revision records it: with the as-of date the field took. */
export type RevisionChange = FieldChange & { asOf: string };

/** Sorts field-keyed rows into the profile's own field order. */
export function inFieldOrder<T extends { field: string }>(rows: T[]): T[] {
  const order = (f: string) => PROFILE_FIELD_KEYS.indexOf(f as ProfileFieldKey);
  return [...rows].sort((a, b) => order(a.field) - order(b.field));
}
