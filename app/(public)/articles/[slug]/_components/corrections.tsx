type Props = { corrections: { original: string; corrected: string; note: string }[] };

/** The visible list of typos corrected from the source text. */
export function Corrections({ corrections }: Props) {
  if (corrections.length === 0) return null;
  return (
    <section
      aria-labelledby="corrections"
      className="mt-12 rounded border border-stone-200 bg-white p-5"
    >
      <h2 id="corrections" className="text-lg font-bold">
        Corrections
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        CityWatch corrected these obvious errors in the source text. Everything else is as
        published.
      </p>
      <ul className="mt-3 space-y-2 text-sm">
        {corrections.map((c) => (
          <li key={c.original}>
            <del className="text-stone-500">{c.original}</del> →{" "}
            <ins className="no-underline font-medium">{c.corrected}</ins>
            <span className="text-stone-600"> — {c.note}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
