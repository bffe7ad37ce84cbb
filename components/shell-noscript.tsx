import { PLAIN_PARAM } from "@/lib/pages/shells";

/**
 * In a cached shell, for a browser that stopped running scripts after it
 * was sent the shell once: it moves on to the page rendered on the server
 * (which forgets the scripts cookie), with a link if it does not refresh.
 * The shell is the same for every address, so the query (filters, page) is not kept.
 */
export function ShellNoScript({ path }: { path: string }) {
  const plain = `${path}?${PLAIN_PARAM}=1`;
  return (
    <noscript>
      <meta httpEquiv="refresh" content={`0; url=${plain}`} />
      <p className="mt-6">
        Scripts are turned off in this browser. <a href={plain}>Open this page without them</a>.
      </p>
    </noscript>
  );
}
