import { Suspense, type ReactNode } from "react";
import { ShellLoading } from "./personal-data-status";
import { ShellNoScript } from "./shell-noscript";

/**
 * A signed-in page's cached shell (lib/pages/shells.ts): what is the same for
 * everyone (`heading`), the <noscript> way out to the server's page at `path`,
 * and the island that reads the person's part, "loading" until it runs.
 */
export function ShellPage({
  heading,
  path,
  loading,
  className,
  children,
}: {
  heading: ReactNode;
  path: string;
  loading: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      {heading}
      <ShellNoScript path={path} />
      <Suspense fallback={<ShellLoading text={loading} />}>{children}</Suspense>
    </div>
  );
}
