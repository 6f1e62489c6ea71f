// Test helper: every built-in English string in one Translation, for tests that register a translation made from
// it. (The elements never import this: each panel's English loads with the panel.)
import { casebookEn } from '../i18n/casebook.js';
import { caseContentEn } from '../i18n/case-content.js';
import { caseViewEn } from '../i18n/case-view.js';
import en from '../i18n/en.js';
import { ribbonEn } from '../i18n/ribbon.js';
import { ribbonAppsEn } from '../i18n/ribbon-apps.js';
import { ribbonPanelsEn } from '../i18n/ribbon-panels.js';
import type { Translation } from '../i18n/index.js';

const english: Translation = {
  ...en,
  ...casebookEn,
  ...caseViewEn,
  ...caseContentEn,
  ...ribbonEn,
  ...ribbonPanelsEn,
  ...ribbonAppsEn,
};
export default english;
