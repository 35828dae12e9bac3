import type { AnchorHTMLAttributes } from "react";

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/**
 * A link on the public pages: a plain anchor, not next/link. Public pages are rendered on the
 * server and cheap to load whole, and a next/link is a client component that hydrates and
 * prefetches its target as soon as it is visible: on a slow phone a page of them spent its first
 * seconds fetching and parsing pages the reader was unlikely to open (Lighthouse's blocking time).
 * The portal and the console, which people click around in, keep next/link.
 */
export function PageLink(props: Props) {
  return <a {...props} />;
}
