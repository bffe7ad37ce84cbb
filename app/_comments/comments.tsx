import { listPublicCommentsCached } from "@/lib/cache/public-data";
import { PublicComments } from "./public-comments";

/**
 * The comments section of a page (the article, a city, an update). Its HTML
 * carries the first page of comments as everyone sees them, from the cache:
 * readable without JavaScript and by search engines, and no code of its own
 * in the browser. Writing, replying, reporting, editing and hiding happen on
 * the comment pages (`/comments/…`), which show what this reader may do.
 */
export async function Comments({ subject }: { subject: string }) {
  const page = await listPublicCommentsCached(subject);
  return (
    <section id="comments" aria-labelledby="comments-heading" className="mt-10">
      {page && <PublicComments subject={subject} page={page} />}
    </section>
  );
}
