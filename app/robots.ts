import type { MetadataRoute } from "next";
import { siteOrigin } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  const site = siteOrigin();
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        // Click redirects, sign-in and the school and operator areas are not for search engines, nor
        // the career profiles' page-cache route (their pages are /careers/<slug>, which proxy.ts
        // rewrites there). A directory filter set's own address, /directory/<filters>, is linked
        // from public pages and may be crawled: like /schools?<filters>, it names /schools as its
        // canonical.
        disallow: ["/go/", "/api/", "/school/", "/ops/", "/login", "/career-pages/"],
      },
    ],
    sitemap: `${site}/sitemap.xml`,
  };
}
