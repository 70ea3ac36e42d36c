import type { WebAction, WebPage } from "../webPage.js";
import { chartsPage } from "./chartsPage.js";
import { checkPage } from "./checkPage.js";
import { chroniclePage, chronicleYearPage } from "./chroniclePage.js";
import { comparePage } from "./comparePage.js";
import { compareDutiesPage } from "./compareDutiesPage.js";
import { editEventPage } from "./editEventPage.js";
import { eventPage, revisionPage } from "./eventPage.js";
import { proposalPage, publishAction, rejectAction } from "./proposalPage.js";
import { reviewPage } from "./reviewPage.js";
import { signInPage, signOutAction, signOutEverywhereAction } from "./signInPage.js";
import { suggestPage } from "./suggestPage.js";
import { aboutPage } from "./aboutPage.js";
import { coveragePage } from "./coveragePage.js";
import { deadlinesPage } from "./deadlinesPage.js";
import { instrumentPage, instrumentsPage } from "./instrumentPage.js";
import { jurisdictionPage } from "./jurisdictionPage.js";
import { mapPage } from "./mapPage.js";
import { problemPage, problemsPage } from "./problemPage.js";
import { releasePage, releasesPage } from "./releasesPage.js";
import { reportsPage } from "./reportsPage.js";
import { searchPage } from "./searchPage.js";
import {
  removeSubscriptionAction,
  resumeSubscriptionAction,
  subscriptionsPage,
  unsubscribePage,
} from "./subscriptionsPage.js";

/**
 * Every page of the web app, registered in this order. To add a page: write pages/<name>Page.ts
 * exporting a WebPage, and add it here (see src/web/README.md).
 */
export const PAGES: WebPage[] = [
  chroniclePage,
  chronicleYearPage,
  searchPage,
  eventPage,
  mapPage,
  jurisdictionPage,
  comparePage,
  compareDutiesPage,
  chartsPage,
  reportsPage,
  releasesPage,
  releasePage,
  checkPage,
  instrumentsPage,
  instrumentPage,
  coveragePage,
  deadlinesPage,
  aboutPage,
  problemsPage,
  problemPage,
  signInPage,
  reviewPage,
  proposalPage,
  editEventPage,
  suggestPage,
  revisionPage,
  subscriptionsPage,
  unsubscribePage,
];

/** The POST-only routes (the forms of pages post to the page's own path, see WebPage.submit). */
export const ACTIONS: WebAction[] = [
  signOutAction,
  signOutEverywhereAction,
  publishAction,
  rejectAction,
  removeSubscriptionAction,
  resumeSubscriptionAction,
];
