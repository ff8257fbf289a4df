// The browser's extension API under one name: Firefox's promise-based `browser`, else
// Chrome's `chrome` (whose MV3 calls return promises too).

export const api = globalThis.browser ?? globalThis.chrome;
