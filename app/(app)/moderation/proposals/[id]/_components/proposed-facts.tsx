import type { ProposedFactView } from "@/lib/dal/moderation/proposals";
import { formatDate } from "@/lib/format";
import { Source } from "./source";

/** The policy fields the volunteer filled in, each with its explanation, source and date. */
export function ProposedFacts({ facts }: { facts: ProposedFactView[] }) {
  return (
    <section aria-labelledby="proposed-facts" className="mt-6">
      <h2 id="proposed-facts" className="text-lg font-bold">
        Policy profile
      </h2>
      {facts.length === 0 ? (
        <p className="mt-2 text-stone-600">No policy fields were given: all start as unknown.</p>
      ) : (
        <dl className="mt-2 space-y-3 rounded-lg border border-stone-200 bg-white p-5">
          {facts.map((f) => (
            <div key={f.field}>
              <dt className="font-semibold">{f.label}</dt>
              <dd>
                {f.valueLabel}{" "}
                <span className="text-sm text-stone-600">(as of {formatDate(f.asOf)})</span>
                {f.detail && <span className="block whitespace-pre-wrap">{f.detail}</span>}
                <Source url={f.sourceUrl} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
