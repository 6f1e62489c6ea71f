import type { CaseText } from '../../state/outbox.js';

/**
 * CTIM texts are `{type, text}` only (CTIA refuses other keys), so a note's time rides in its text: a first
 * line holding an ISO-8601 UTC time, then the note. Other tools show it as a readable first line; notes written
 * elsewhere simply have no time.
 */
const TIME_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z)\n/;

/** The CTIM text type of notes written here. */
export const NOTE_TYPE = 'note';

/** A note written now. */
export function makeNote(body: string, at: Date = new Date()): CaseText {
  return { type: NOTE_TYPE, text: `${at.toISOString()}\n${body}` };
}

/** A note with its body changed; it keeps its time. */
export function editNote(note: CaseText, body: string): CaseText {
  const m = TIME_LINE.exec(note.text);
  return { type: note.type, text: m ? `${m[1]}\n${body}` : body };
}

/** A note's time (when it has one) and body. */
export function readNote(note: CaseText): { time?: string; body: string } {
  const m = TIME_LINE.exec(note.text);
  return m ? { time: m[1], body: note.text.slice(m[0].length) } : { body: note.text };
}
