import type { MetadataRoute } from "next";
import { siteOrigin } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  const site = siteOrigin();
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        // Click redirects, sign-in and the school and operator areas are not for search engines.
        disallow: ["/go/", "/api/", "/school/", "/ops/", "/login"],
      },
    ],
    sitemap: `${site}/sitemap.xml`,
  };
}
