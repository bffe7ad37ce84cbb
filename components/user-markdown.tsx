import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * Renders Markdown that people wrote: no raw HTML, sanitised, no images, and
 * links marked as user content so they pass no reputation and no opener.
 */
export function UserMarkdown({ children }: { children: string }) {
  return (
    <div className="space-y-3 leading-7 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown
        skipHtml
        rehypePlugins={[rehypeSanitize]}
        disallowedElements={["img"]}
        unwrapDisallowed
        components={{
          a: ({ href, children: text }) => (
            <a href={href} rel="nofollow ugc noopener">
              {text}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
