import type { HighlightPiece } from "@/lib/search-highlight";

/** Search text with the matching words in <mark>; every piece is rendered as text. */
export function Highlighted({ pieces }: { pieces: HighlightPiece[] }) {
  return pieces.map((p, i) =>
    p.marked ? (
      <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
        {p.text}
      </mark>
    ) : (
      <span key={i}>{p.text}</span>
    ),
  );
}
