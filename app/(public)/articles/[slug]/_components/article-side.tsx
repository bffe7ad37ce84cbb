import type { ArticleSideMaterial } from "@/db/schema";

type Props = { side: ArticleSideMaterial; sectionIds: string[] };

/** The source's side material: on-this-page links, the honours list and related sections (as text). */
export function ArticleSide({ side, sectionIds }: Props) {
  return (
    <aside aria-label="About this article" className="space-y-8 text-sm">
      <nav aria-labelledby="on-this-page">
        <h2 id="on-this-page" className="font-bold uppercase tracking-wide text-stone-600">
          On this page
        </h2>
        <ul className="mt-2 space-y-1">
          {side.onThisPage.map((title, i) => (
            <li key={title}>
              <a href={`#${sectionIds[i] ?? ""}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="honours">
        <h2 id="honours" className="font-bold uppercase tracking-wide text-stone-600">
          {side.honours.title}
        </h2>
        <ol className="mt-2 space-y-1">
          {side.honours.entries.map((e) => (
            <li key={e.rank} className="flex gap-2">
              <span className="w-5 shrink-0 text-right font-semibold text-stone-500">{e.rank}</span>
              <span>
                {e.name}, <span className="text-stone-600">{e.place}</span>
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="related">
        <h2 id="related" className="font-bold uppercase tracking-wide text-stone-600">
          Related sections on World Mayor
        </h2>
        <p className="mt-1 text-xs text-stone-500">Listed as in the source; not linked.</p>
        {side.relatedSections.map((group) => (
          <div key={group.heading} className="mt-3">
            <h3 className="font-semibold text-stone-700">{group.heading}</h3>
            <ul className="mt-1 space-y-0.5 text-stone-700">
              {group.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </aside>
  );
}
