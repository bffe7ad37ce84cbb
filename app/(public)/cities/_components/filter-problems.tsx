import Link from "next/link";
import { filterProblemMessage } from "@/lib/messages/browse";
import type { CityFilterKey, CityFilterProblem } from "@/lib/validation/city-filter";

type Props = { problems: Partial<Record<CityFilterKey, CityFilterProblem>> };

/** The id of a problem's line, which the field it is about points to. */
export const filterProblemId = (key: CityFilterKey) => `filter-problem-${key}`;

/** What is wrong with the address's filters, one line per value, instead of a list. */
export function FilterProblems({ problems }: Props) {
  const entries = Object.entries(problems) as [CityFilterKey, CityFilterProblem][];
  return (
    <div role="alert" className="mt-6 rounded border border-red-300 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">We could not use these filters:</p>
      <ul className="mt-2 list-disc pl-5">
        {entries.map(([key, problem]) => (
          <li key={key} id={filterProblemId(key)}>
            {filterProblemMessage(key, problem)}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href="/cities">Show all cities</Link>
      </p>
    </div>
  );
}
