import type { Metadata, Viewport } from "next";
import { PageLink } from "@/components/page-link";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { siteOrigin } from "@/lib/env";

export const metadata: Metadata = {
  metadataBase: new URL(siteOrigin()),
  title: { default: "CareerPath Schools: careers and the programs that lead to them", template: "%s | CareerPath Schools" },
  description:
    "Career profiles with real labor-market figures, beside a directory of school programs. Compare programs and ask schools for information.",
  openGraph: { siteName: "CareerPath Schools", type: "website" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#174c99" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-white font-sans text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <footer className="mt-16 border-t border-slate-200 bg-slate-50">
          <div className="container-page flex flex-col gap-4 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
            <p>© {new Date().getFullYear()} CareerPath Schools. Career figures: U.S. Bureau of Labor Statistics.</p>
            <nav aria-label="Footer">
              <ul className="flex flex-wrap gap-x-5 gap-y-2">
                <li>
                  <PageLink href="/advertising-disclosure">Advertising disclosure</PageLink>
                </li>
                <li>
                  <PageLink href="/privacy">Privacy</PageLink>
                </li>
                <li>
                  <PageLink href="/terms">Terms</PageLink>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
