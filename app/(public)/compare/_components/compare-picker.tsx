import { MAX_COMPARED } from "@/lib/validation/compare";

type Props = {
  chosen: string[];
  choices: { slug: string; name: string; state: string }[];
};

/** Adds a place to the comparison: a plain GET form, so it works without JavaScript. */
export function ComparePicker({ chosen, choices }: Props) {
  if (chosen.length >= MAX_COMPARED) {
    return (
      <p className="mt-6 text-stone-700">
        You are comparing {MAX_COMPARED} places, the most we show side by side. Remove one to add
        another.
      </p>
    );
  }
  const available = choices.filter((c) => !chosen.includes(c.slug));
  return (
    <form
      method="get"
      action="/compare"
      className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-stone-200 bg-white p-4"
      aria-label="Pick places to compare"
    >
      {chosen.map((slug) => (
        <input key={slug} type="hidden" name="cities" value={slug} />
      ))}
      <div className="flex flex-col gap-1">
        <label htmlFor="compare-add" className="text-sm font-medium">
          Add a place
        </label>
        <select
          id="compare-add"
          name="cities"
          required
          defaultValue=""
          className="max-w-full rounded border border-stone-300 bg-white px-3 py-2"
        >
          <option value="" disabled>
            Choose a place
          </option>
          {available.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}, {c.state}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
      >
        Add to comparison
      </button>
    </form>
  );
}
