import Link from "next/link";
import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * Renders editor-written Markdown (the article). Internal links use client
 * navigation; raw HTML is never rendered, even here.
 */
export function TrustedMarkdown({ children }: { children: string }) {
  return (
    <ReactMarkdown
      rehypePlugins={[rehypeSanitize]}
      components={{
        a: ({ href = "", children: text }) =>
          href.startsWith("/") ? <Link href={href}>{text}</Link> : <a href={href}>{text}</a>,
      }}
    >
      {children}
    </ReactMarkdown>
  );
}
