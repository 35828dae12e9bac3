// Types for next.config.mjs, which lib/directory-routing.test.ts imports.
import type { NextConfig } from "next";
declare const nextConfig: NextConfig;
export default nextConfig;
