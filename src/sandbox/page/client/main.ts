// The sandbox page's script (bundled for the browser by page-routes.ts). Placeholder until the page lands.
export {};
