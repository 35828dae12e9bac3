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
        // the page-cache routes of the directory and the career profiles (their pages are /schools and
        // /careers/<slug>, which proxy.ts rewrites there).
        disallow: ["/go/", "/api/", "/school/", "/ops/", "/login", "/directory/", "/career-pages/"],
      },
    ],
    sitemap: `${site}/sitemap.xml`,
  };
}
