/** What an empty page of the log says: nothing yet, nothing older, or nothing that matches. */
export function LogEmpty({ older, filtered }: { older: boolean; filtered: boolean }) {
  return (
    <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
      <p className="font-medium">
        {older
          ? "No older moderation actions"
          : `No moderation actions ${filtered ? "with these filters" : "yet"}`}
        .
      </p>
      <p className="mt-1 text-stone-600">
        Claims, approvals, rejections and reverts show up here as moderators make them.
      </p>
    </div>
  );
}
