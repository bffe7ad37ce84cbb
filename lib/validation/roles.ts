/** The roles, as the browser may know them (mirrors db/schema/users.ts). */
export const ROLE_VALUES = ["resident", "moderator", "admin"] as const;
export type RoleValue = (typeof ROLE_VALUES)[number];
export const ROLE_LABELS: Record<RoleValue, string> = {
  resident: "Resident",
  moderator: "Moderator",
  admin: "Admin",
};
