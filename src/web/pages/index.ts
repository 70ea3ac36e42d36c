import type { WebPage } from "../webPage.js";
import { chroniclePage, chronicleYearPage } from "./chroniclePage.js";

/**
 * Every page of the web app, registered in this order. To add a page: write pages/<name>Page.ts
 * exporting a WebPage, and add it here (see src/web/README.md).
 */
export const PAGES: WebPage[] = [chroniclePage, chronicleYearPage];
