import type { ReactNode } from "react";

/** One thing to do with a comment, under a heading of its own (a link target: #reply). */
export function CommentSection({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-8 scroll-mt-4">
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        {title}
      </h2>
      {hint && <p className="mt-1 text-sm text-stone-600">{hint}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}
