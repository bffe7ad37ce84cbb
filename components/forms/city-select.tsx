import type { ComponentPropsWithRef } from "react";
import { inputClass } from "./field";

export type CityOption = { slug: string; label: string };

type Props = ComponentPropsWithRef<"select"> & { cities: CityOption[] };

/** A select of the cities, with "No home city" first. */
export function CitySelect({ cities, ...props }: Props) {
  return (
    <select {...props} className={inputClass}>
      <option value="">No home city</option>
      {cities.map((c) => (
        <option key={c.slug} value={c.slug}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** The options for a list of jurisdictions ("Denver, CO"). */
export function toCityOptions(list: { slug: string; name: string; state: string }[]): CityOption[] {
  return list.map((c) => ({ slug: c.slug, label: `${c.name}, ${c.state}` }));
}
