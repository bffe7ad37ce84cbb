import Link from "next/link";
import { PolicyBadge } from "@/components/policy-badge";
import type { ComparedPlace } from "@/lib/dal/cities/compare";
import { formatDate, formatNumber } from "@/lib/format";
import { POLICY_FIELD_KEYS, POLICY_FIELDS } from "@/lib/policy-fields";

type Props = { places: ComparedPlace[]; removeHref: (slug: string) => string };

/** A column per place, a row per fact; scrolls sideways on a narrow screen. */
export function CompareTable({ places, removeHref }: Props) {
  return (
    <div
      className="relative mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label="Comparison table, scrolls sideways"
    >
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">
          Policy profiles of {places.map((p) => p.name).join(", ")}, side by side, with sources
        </caption>
        <thead>
          <tr className="border-b border-stone-200 bg-stone-50">
            <td className="p-3" />
            {places.map((p) => (
              <th key={p.slug} scope="col" className="min-w-56 p-3 text-left align-top">
                <Link href={`/cities/${p.slug}`} className="text-base font-semibold">
                  {p.name}
                </Link>
                <div className="mt-1">
                  <PolicyBadge badge={p.badge} />
                </div>
                <Link href={removeHref(p.slug)} className="mt-2 inline-block text-xs font-normal">
                  Remove <span className="sr-only">{p.name}</span>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Row label="State">{places.map((p) => p.stateName)}</Row>
          <Row label="Leader">
            {places.map((p) => (
              <div key={p.slug}>
                {p.leaderName}
                <span className="block text-stone-600">
                  {p.leaderTitle}, as of {formatDate(p.leaderAsOf)}
                </span>
              </div>
            ))}
          </Row>
          <Row label="Population">
            {places.map((p) => `${formatNumber(p.population)} (${p.populationYear})`)}
          </Row>
          {POLICY_FIELD_KEYS.map((field, i) => (
            <Row key={field} label={POLICY_FIELDS[field].label}>
              {places.map((p) => {
                const fact = p.facts[i];
                if (!fact)
                  return (
                    <span key={p.slug} className="text-stone-600">
                      Not recorded
                    </span>
                  );
                return (
                  <div key={p.slug}>
                    <span className="font-medium">{fact.valueLabel}</span>
                    <span className="mt-1 block text-stone-600">
                      As of <time dateTime={fact.asOf}>{formatDate(fact.asOf)}</time> ·{" "}
                      <a href={fact.sourceUrl} rel="noopener noreferrer">
                        Source<span className="sr-only"> for {p.name}</span>
                      </a>
                    </span>
                  </div>
                );
              })}
            </Row>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode[] }) {
  return (
    <tr className="border-b border-stone-100 align-top last:border-0">
      <th scope="row" className="p-3 text-left font-semibold text-stone-700">
        {label}
      </th>
      {children.map((cell, i) => (
        <td key={i} className="p-3">
          {cell}
        </td>
      ))}
    </tr>
  );
}
