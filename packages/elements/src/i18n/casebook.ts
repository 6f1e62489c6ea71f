/**
 * The strings of `<pk-casebook>`. Part of {@link Translation}; kept in a file of their own so that the casebook's
 * strings grow here, beside its English text, without touching the other elements' tables.
 */
export interface CasebookStrings {
  /** The casebook panel's accessible name. */
  casebookPanel: string;
}

/** English casebook strings. */
export const casebookEn: CasebookStrings = {
  casebookPanel: 'Casebook',
};
