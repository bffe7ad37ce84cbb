/** A field's source, as the volunteer gave it: shown as typed, linked without trust. */
export function Source({ url }: { url: string }) {
  return (
    <span className="block text-sm">
      Source:{" "}
      <a href={url} rel="nofollow ugc noopener" className="break-all">
        {url}
      </a>
    </span>
  );
}
