import type { JurisdictionKind, UpdateKind } from "@/lib/enums";
import type { QueueKind } from "@/lib/validation/moderation";

// Labels shown for the kinds of things, kept apart from the zod schemas so a
// client component can show them without bringing zod into its page.

export const UPDATE_KIND_LABELS: Record<UpdateKind, string> = {
  ordinance: "Ordinance",
  executive_order: "Executive order",
  police_directive: "Police directive",
  court_ruling: "Court ruling",
  federal_action: "Federal action",
  statement: "Statement",
  other: "Other",
};

export const QUEUE_KIND_LABELS: Record<QueueKind, string> = {
  ...UPDATE_KIND_LABELS,
  profile_edit: "Profile edit",
  jurisdiction_proposal: "New jurisdiction",
};

export const JURISDICTION_KIND_LABELS: Record<JurisdictionKind, string> = {
  city: "City",
  county: "County",
  city_and_county: "City and county",
  state: "State",
};
