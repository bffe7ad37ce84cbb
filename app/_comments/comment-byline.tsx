import type { CommentView } from "@/lib/dal/comments/comments";

const time = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** Who wrote the comment and when, as a link to the comment itself. */
export function CommentByline({ comment }: { comment: CommentView }) {
  return (
    <p className="text-sm text-stone-600">
      <span className="font-semibold text-stone-900">
        {comment.state === "deleted" ? "deleted" : comment.authorName}
      </span>{" "}
      ·{" "}
      <a href={`#comment-${comment.id}`} className="text-stone-600">
        <time dateTime={comment.createdAt}>{time.format(new Date(comment.createdAt))} UTC</time>
      </a>
      {comment.edited && comment.state === "visible" && " · edited"}
    </p>
  );
}
