/** Bundles the browser scripts and copies the stylesheet into dist/assets; resolves to that folder. */
export function buildClient(): Promise<string>;
