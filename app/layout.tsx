import type { Metadata, Viewport } from "next";
import { ScriptsCookie } from "@/components/scripts-cookie";
import { AuthSessionProvider } from "@/components/session-provider";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CityWatch", template: "%s · CityWatch" },
  description:
    "Follow what US cities and counties do about immigration policy: the World Mayor article on sanctuary cities, city profiles with sources, and updates reviewed by moderators.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <AuthSessionProvider>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </AuthSessionProvider>
        <ScriptsCookie />
      </body>
    </html>
  );
}
