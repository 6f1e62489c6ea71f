/**
 * The strings of `<pk-ribbon>` and its apps. Part of {@link Translation}; kept in a file of their own so that the
 * ribbon's strings grow here, beside their English text, without touching the other elements' tables.
 */
export interface RibbonStrings {
  /** The ribbon toolbar's accessible name. */
  ribbonLabel: string;
}

/** English ribbon strings. */
export const ribbonEn: RibbonStrings = {
  ribbonLabel: 'Pivotkit',
};
