type Props = {
  id: string;
  /** The query parameter it sets. */
  name: string;
  label: string;
  /** The first option, which sets nothing ("All cities"). */
  allLabel: string;
  value?: string;
  options: { value: string; label: string }[];
};

/** One labelled choice in a plain GET filter form (works without JavaScript). */
export function SelectFilter({ id, name, label, allLabel, value, options }: Props) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        className="min-w-44 rounded border border-stone-300 bg-white px-3 py-2"
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
