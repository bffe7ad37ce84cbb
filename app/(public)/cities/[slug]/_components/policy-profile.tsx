import type { PolicyFactView } from "@/lib/dal/cities/jurisdictions";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { POLICY_FIELDS } from "@/lib/policy-fields";

/** The policy profile: each field with its value, explanation, source and date. */
export function PolicyProfile({ slug, facts }: { slug: string; facts: PolicyFactView[] }) {
  return (
    <section aria-labelledby="policy-profile" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="policy-profile" className="text-xl font-bold">
          Policy profile
        </h2>
        <p className="flex flex-wrap gap-x-4">
          <Link href={`/cities/${slug}/edit`}>Propose an edit</Link>
          <Link href={`/cities/${slug}/history`}>History</Link>
          <Link href={`/compare?cities=${slug}`}>Compare with other places</Link>
        </p>
      </div>
      {facts.length === 0 ? (
        <p className="mt-2 text-stone-600">No policy facts have been recorded yet.</p>
      ) : (
        <dl className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {facts.map((f) => (
            <div key={f.field} className="grid gap-1 p-4 sm:grid-cols-[14rem_1fr] sm:gap-4">
              <dt className="font-semibold text-stone-700">{POLICY_FIELDS[f.field].label}</dt>
              <dd>
                <p className="font-medium">{f.valueLabel}</p>
                {f.detail && <p className="mt-1 text-stone-700">{f.detail}</p>}
                <p className="mt-1 text-sm text-stone-600">
                  As of <time dateTime={f.asOf}>{formatDate(f.asOf)}</time> ·{" "}
                  <a href={f.sourceUrl} rel="noopener">
                    Source
                    <span className="sr-only"> for {POLICY_FIELDS[f.field].label}</span>
                  </a>
                </p>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
