import { PageLink } from "@/components/page-link";

const nav = [
  { href: "/careers", label: "Career profiles" },
  { href: "/schools", label: "Find schools" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
        <PageLink href="/" className="text-lg font-bold text-brand-800 no-underline">
          CareerPath <span className="font-normal">Schools</span>
        </PageLink>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm font-medium">
            {nav.map((item) => (
              <li key={item.href}>
                <PageLink href={item.href} className="inline-flex min-h-6 items-center py-1 text-ink no-underline hover:text-brand-700 hover:underline">
                  {item.label}
                </PageLink>
              </li>
            ))}
            <li>
              <PageLink
                href="/login"
               
                className="inline-flex min-h-6 items-center rounded-md border border-brand-600 px-3 py-1.5 text-brand-700 no-underline hover:bg-brand-50"
              >
                Sign in for schools
              </PageLink>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
