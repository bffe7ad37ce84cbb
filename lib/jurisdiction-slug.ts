/**
 * A jurisdiction's slug by the seeded rule: its name and state code, accents
 * folded, lower case, anything else between letters and digits a hyphen
 * ("Santa Fé", "NM" → "santa-fe-nm"; "Milwaukee County", "WI" →
 * "milwaukee-county-wi"). (New York City's "new-york-ny" was chosen by hand.)
 */
export function jurisdictionSlug(name: string, stateCode: string): string {
  return `${name} ${stateCode}`
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
