import { PageLink } from "@/components/page-link";

export default function NotFound() {
  return (
    <div className="container-page max-w-2xl py-16">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-muted">We could not find that page. It may have moved, or the program may no longer be listed.</p>
      <ul className="mt-6 list-disc space-y-2 pl-6">
        <li>
          <PageLink href="/schools">Search school programs</PageLink>
        </li>
        <li>
          <PageLink href="/careers">Browse career profiles</PageLink>
        </li>
      </ul>
    </div>
  );
}
