/** A comment's one line of news: an action on it failed, or a report was received. */
export function CommentNote({ note }: { note: { error?: string; success?: string } }) {
  return (
    <>
      {note.error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {note.error}
        </p>
      )}
      {note.success && (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {note.success}
        </p>
      )}
    </>
  );
}
