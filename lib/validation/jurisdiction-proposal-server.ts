import "server-only";
import { isInsideState } from "@/lib/geo/state-bounds";
import { makeJurisdictionProposalSchema } from "./jurisdiction-proposal";

/** The proposal form's schema with the state boundaries: what the server action parses with. */
export const jurisdictionProposalServerSchema = makeJurisdictionProposalSchema(isInsideState);
