const CLASSES = "space-y-3 leading-7 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6";

/**
 * What people wrote, already rendered and sanitised on the server
 * (lib/markdown/user-markdown.ts). Used on the server and in the browser.
 */
export function UserHtml({ html }: { html: string }) {
  return <div className={CLASSES} dangerouslySetInnerHTML={{ __html: html }} />;
}
