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
        // the directory's page-cache route (its pages are /schools, which proxy.ts rewrites there).
        disallow: ["/go/", "/api/", "/school/", "/ops/", "/login", "/directory/"],
      },
    ],
    sitemap: `${site}/sitemap.xml`,
  };
}
