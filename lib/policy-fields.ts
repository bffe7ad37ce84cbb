/**
 * The fields of a jurisdiction's policy profile. One definition drives the
 * profile page, the JSON API, the seed data's types and (later) the edit form.
 * Every field is stored as one row per jurisdiction with its source and date.
 */
export const POLICY_FIELDS = {
  sanctuary_status: {
    label: "Calls itself a sanctuary",
    options: {
      yes: "Yes",
      unofficial: "Not by that name (welcoming or trust policies)",
      no: "No",
      unknown: "Unknown",
    },
  },
  ice_detainers: {
    label: "ICE detainer requests",
    options: {
      honors_all: "Honors all",
      warrant_or_criteria: "Only with a judicial warrant or criminal criteria",
      declines: "Declines",
      unknown: "Unknown",
    },
  },
  info_sharing: {
    label: "Sharing information with ICE",
    options: {
      limited: "Limited by local policy",
      not_limited: "Not limited",
      unknown: "Unknown",
    },
  },
  status_inquiry: {
    label: "Asking about immigration status",
    options: {
      banned: "Banned for police and city staff",
      not_banned: "Not banned",
      unknown: "Unknown",
    },
  },
  jail_access: {
    label: "ICE access to jails",
    options: {
      allowed: "Allowed",
      restricted: "Restricted",
      denied: "Not allowed",
      no_local_jail: "Jail run by another government",
      unknown: "Unknown",
    },
  },
  agreement_287g: {
    label: "287(g) agreement",
    options: {
      none: "None",
      jail: "Jail model",
      task_force: "Task force model",
      unknown: "Unknown",
    },
  },
  federal_actions: {
    label: "Federal actions against it",
    options: null,
  },
} as const;

export type PolicyFieldKey = keyof typeof POLICY_FIELDS;

export const POLICY_FIELD_KEYS = Object.keys(POLICY_FIELDS) as PolicyFieldKey[];

/** The allowed values of an enumerated field; free-text fields allow any text. */
export type PolicyFieldValue<K extends PolicyFieldKey> =
  (typeof POLICY_FIELDS)[K]["options"] extends null
    ? string
    : keyof NonNullable<(typeof POLICY_FIELDS)[K]["options"]>;

/** The human label of a stored value, falling back to the value itself. */
export function policyValueLabel(field: PolicyFieldKey, value: string): string {
  const options = POLICY_FIELDS[field].options as Record<string, string> | null;
  return options && Object.hasOwn(options, value) ? options[value]! : value;
}

/** A short badge for the city list, derived from the profile's two key fields. */
export type PolicyBadge = "sanctuary" | "limited" | "none" | "unknown";

export const POLICY_BADGE_LABELS: Record<PolicyBadge, string> = {
  sanctuary: "Sanctuary",
  limited: "Limits cooperation",
  none: "No sanctuary policy",
  unknown: "Unknown",
};

export function policyBadge(
  status: string | undefined,
  detainers: string | undefined,
): PolicyBadge {
  if (status === "yes") return "sanctuary";
  if (detainers === "declines" || detainers === "warrant_or_criteria" || status === "unofficial")
    return "limited";
  if (status === "no") return "none";
  return "unknown";
}
