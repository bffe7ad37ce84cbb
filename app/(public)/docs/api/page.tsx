import type { Metadata } from "next";
import Link from "next/link";
import { DATA_LICENSE } from "@/lib/open-data/license";
import { OPENAPI_DOCUMENT, type Operation } from "@/lib/open-data/openapi";
import { OperationDoc } from "./_components/operation";

export const metadata: Metadata = {
  title: "API and open data",
  description:
    "CityWatch's data as JSON and CSV under CC BY 4.0: every endpoint, its parameters and answers.",
};

/** The endpoints of each tag, in the document's order. */
function byTag(): { name: string; description: string; ops: [string, string, Operation][] }[] {
  return OPENAPI_DOCUMENT.tags.map((tag) => ({
    ...tag,
    ops: Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.tags.includes(tag.name))
        .map(([method, op]): [string, string, Operation] => [method, path, op]),
    ),
  }));
}

/** The API for people: rendered from /api/openapi.json's document, so the two always agree. */
export default function ApiDocsPage() {
  const groups = byTag();
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">API and open data</h1>
      <p className="mt-2 text-stone-700">
        Everything CityWatch publishes about cities and counties is open: read it as JSON, download
        it as CSV, and reuse it. The machine-readable description of every endpoint is the{" "}
        <a href="/api/openapi.json">OpenAPI 3.1 document</a>; this page is drawn from it.
      </p>

      <section aria-labelledby="downloads" className="mt-6">
        <h2 id="downloads" className="text-2xl font-semibold">
          Downloads
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>
            <a href="/api/cities.csv">Cities and counties (CSV)</a>: one row per place, each policy
            field beside its source and as-of date.
          </li>
          <li>
            <a href="/api/updates.csv">Policy updates (CSV)</a>: one row per published update.
          </li>
          <li>
            <Link href="/api/cities" prefetch={false}>
              Cities and counties (JSON)
            </Link>
            , and each profile at <code>/api/cities/&lt;slug&gt;</code>.
          </li>
        </ul>
        <p className="mt-2 text-sm text-stone-600">
          In the CSV files a cell that starts with =, +, -, @, a tab or a carriage return begins
          with an apostrophe, so spreadsheets show it as text instead of running it. JSON answers
          carry ETag and Last-Modified: send them back as If-None-Match or If-Modified-Since and an
          unchanged answer is a short 304.
        </p>
      </section>

      <section aria-labelledby="licence" className="mt-6">
        <h2 id="licence" className="text-2xl font-semibold">
          Licence
        </h2>
        <p className="mt-2 text-stone-700">
          CityWatch&apos;s data (city and county profiles, their sources, and approved policy
          updates) is licensed under the{" "}
          <a href={DATA_LICENSE.url} rel="license">
            {DATA_LICENSE.name}
          </a>{" "}
          licence ({DATA_LICENSE.short}): reuse it for any purpose, crediting “
          {DATA_LICENSE.attribution}”.
        </p>
        <p className="mt-2 text-stone-700">
          The <Link href="/articles/us-sanctuary-cities">World Mayor article</Link> “US sanctuary
          cities” (24 April 2017) and the mayors&apos; quotes from it are World Mayor&apos;s text,
          republished here; they are not ours to license and are not covered by it.
        </p>
      </section>

      <h2 className="mt-8 text-2xl font-semibold">Endpoints</h2>
      <nav aria-label="Endpoints" className="mt-2">
        <ul className="list-disc space-y-1 pl-6">
          {groups.map((g) => (
            <li key={g.name}>
              <a href={`#${tagId(g.name)}`}>{g.name}</a>: {g.description}
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.name} aria-labelledby={tagId(g.name)} className="mt-8">
          <h2 id={tagId(g.name)} className="text-xl font-semibold">
            {g.name}
          </h2>
          <p className="mt-1 text-stone-700">{g.description}</p>
          {g.ops.map(([method, path, op]) => (
            <OperationDoc key={`${method} ${path}`} method={method} path={path} op={op} />
          ))}
        </section>
      ))}
    </div>
  );
}

const tagId = (name: string) => `tag-${name.toLowerCase().replaceAll(" ", "-")}`;
