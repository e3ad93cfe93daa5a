/** Routers match paths exactly as written, as the app does: case and trailing slash count. */
export const exactPaths = { caseSensitive: true, strict: true } as const
