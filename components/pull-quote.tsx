import Link from "next/link";
import type { QuoteSpeaker } from "@/lib/dal/cities/articles";

type Props = {
  /** The figure's id, so a link (a search result) can point at this quote. */
  id?: string;
  text: string;
  attribution: string;
  speakers: QuoteSpeaker[];
  /** Shown when the source printed no place name above the quote. */
  placeAddedNote?: boolean;
};

/** A quote set as an attributed pull-quote, each speaker linked to their city's profile. */
export function PullQuote({ id, text, attribution, speakers, placeAddedNote }: Props) {
  return (
    <figure
      id={id}
      className="my-6 scroll-mt-4 border-l-4 border-brand-600 bg-white py-4 pl-5 pr-4 shadow-sm"
    >
      <blockquote className="font-serif text-xl leading-8 text-stone-900">
        <p>“{text}”</p>
      </blockquote>
      <figcaption className="mt-3 text-sm text-stone-700">
        <span className="font-semibold">{attribution}</span>
        {" — "}
        {speakers.map((s, i) => (
          <span key={s.slug}>
            {i > 0 && (i === speakers.length - 1 ? " and " : ", ")}
            <Link href={`/cities/${s.slug}`} data-quote-city={s.slug}>
              {s.place}
            </Link>
          </span>
        ))}
        {placeAddedNote && (
          <span className="block text-xs text-stone-500">
            The source prints no place name above this quote; CityWatch names the mayor’s city.
          </span>
        )}
      </figcaption>
    </figure>
  );
}
