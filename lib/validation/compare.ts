import { z } from "zod";

export const MAX_COMPARED = 4;

/** What /compare was asked: `?cities=a,b,c` or the picker's repeated `cities=a&cities=b`. */
export const compareSchema = z.object({
  cities: z
    .array(z.string())
    .transform((parts) => [
      ...new Set(
        parts
          .flatMap((p) => p.split(","))
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string()).max(MAX_COMPARED, { error: "too_many" })),
});

export type CompareRequest =
  { ok: true; slugs: string[] } | { ok: false; code: "too_many"; count: number; slugs: string[] };

/** The distinct slugs asked for, in order (duplicates collapse), or why they cannot be compared. */
export function parseCompare(
  params: Record<string, string | string[] | undefined>,
): CompareRequest {
  const raw = params.cities;
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).slice(0, 50);
  const result = compareSchema.safeParse({ cities: parts });
  if (result.success) return { ok: true, slugs: result.data.cities };
  const slugs = [
    ...new Set(
      parts
        .flatMap((p) => p.split(","))
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  return { ok: false, code: "too_many", count: slugs.length, slugs: slugs.slice(0, MAX_COMPARED) };
}
