/** "Comments (12)": the heading the comments section is labelled by. */
export function CommentsHeading({ count }: { count?: number }) {
  return (
    <h2 id="comments-heading" className="text-2xl font-bold">
      Comments{count === undefined ? "" : ` (${count})`}
    </h2>
  );
}
