import "server-only";
import type { Element, Root } from "hast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** GitHub's sanitising rules, without images (people's comments load nothing from elsewhere). */
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img"),
};

/** Links people wrote pass no reputation and no opener. */
function markLinks() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (child.tagName === "a") child.properties.rel = ["nofollow", "ugc", "noopener"];
        visit(child);
      }
    };
    visit(tree);
  };
}

// Raw HTML in the Markdown is dropped (remark-rehype keeps none unless told to).
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(markLinks)
  .use(rehypeStringify);

/**
 * Markdown that people wrote (comments, update summaries), as HTML that is
 * safe to put in a page: rendered on the server, so no Markdown renderer
 * ships to the browser.
 */
export function renderUserMarkdown(text: string): string {
  return String(processor.processSync(text));
}
