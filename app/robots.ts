import type { MetadataRoute } from "next";

export default function robots(): MetadataRoute.Robots {
  const site = process.env.SITE_URL ?? "http://localhost:3000";
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
