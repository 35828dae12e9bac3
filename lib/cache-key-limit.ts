/**
 * The longest page-cache key (a directory filter set's canonical query string) that is cached.
 * Next stores a cached page in files named after its last path segment (`<key>.html`,
 * `<key>.segments`, ...), and a file name has at most 255 bytes; a longer key fails to be written,
 * with an error logged on every view. Keys are ASCII (enum values, slugs, digits), so characters
 * are bytes. Only a rare combination passes 200 (every credential and delivery mode with a long
 * program area and a ZIP); it is rendered per request at /schools?…, like a free-text search.
 *
 * No imports: the browser's form code (components/directory/form-address.ts) uses it too.
 */
export const MAX_CACHE_KEY_LENGTH = 200;
