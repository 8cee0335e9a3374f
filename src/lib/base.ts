// The site's base path ("/" unless astro.config sets `base`), usable from endpoints and libs.
export const BASE: string = (import.meta.env?.BASE_URL as string | undefined) ?? "/";
