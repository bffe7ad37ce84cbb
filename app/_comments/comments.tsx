"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";

const CommentSection = dynamic(() => import("./comment-section").then((m) => m.CommentSection), {
  ssr: false,
  loading: () => <LoadingComments />,
});

/**
 * The comments section of a page. The comments, their forms and the Markdown
 * renderer are most of a page's JavaScript, and they sit below the fold: their
 * code loads when the reader comes within a screen of them (or follows a link
 * to one comment), so the article and city pages stay light for readers who
 * never scroll that far.
 */
export function Comments({ subject }: { subject: string }) {
  const section = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = section.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(element);
    // A permalink (#comment-12): bring the section into view, so its comments load.
    if (window.location.hash.startsWith("#comment-")) element.scrollIntoView();
    return () => observer.disconnect();
  }, []);

  return (
    <section ref={section} id="comments" aria-labelledby="comments-heading" className="mt-10">
      {near ? (
        <CommentSection subject={subject} />
      ) : (
        <>
          <CommentsHeading />
          <LoadingComments />
        </>
      )}
    </section>
  );
}

export function CommentsHeading({ count }: { count?: number }) {
  return (
    <h2 id="comments-heading" className="text-2xl font-bold">
      Comments{count === undefined ? "" : ` (${count})`}
    </h2>
  );
}

function LoadingComments() {
  return <p className="mt-3 text-stone-600">Loading comments…</p>;
}
