import type { Role } from "@/lib/enums";

// Kept apart from the role schema (lib/validation/admin.ts): the header shows
// the role on every page, and importing the schema's module there would send
// zod to every page's JavaScript.
export const ROLE_LABELS: Record<Role, string> = {
  resident: "Resident",
  moderator: "Moderator",
  admin: "Admin",
};
