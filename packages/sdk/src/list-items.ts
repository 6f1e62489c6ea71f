/**
 * Reading CTIA list replies (a bare JSON array) one item at a time: an item not in the documented shape is left out
 * of the page and reported as an {@link InvalidItem}, instead of failing the whole list (as `envelope.ts` does for
 * IROH module documents).
 * @module
 */
import * as z from 'zod/mini';
import type { InvalidItem } from './types.js';

/** A list reply whose items are checked one by one. Only its outline is strict: a list. */
export const looseList = z.array(z.unknown());

const reasonOf = (error: z.core.$ZodError) => {
  const i = error.issues[0];
  return i ? `${i.path.join('.') || '(root)'}: ${i.message}` : String(error);
};

/**
 * Checks each item with `schema`, then `convert`s it (which may throw, e.g. on an id that is neither a short nor a
 * long id); a bad item is dropped and reported with its position and, when it has one, its id.
 */
export function readListItems<T, U>(
  list: readonly unknown[],
  schema: z.ZodMiniType<T>,
  what: string,
  convert: (item: T) => U,
): { items: U[]; dropped: InvalidItem[] } {
  const items: U[] = [];
  const dropped: InvalidItem[] = [];
  list.forEach((raw, index) => {
    const r = schema.safeParse(raw);
    let reason: string;
    if (r.success) {
      try {
        items.push(convert(r.data));
        return;
      } catch (e) {
        reason = e instanceof Error ? e.message : String(e);
      }
    } else reason = reasonOf(r.error);
    const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)['id'] : undefined;
    dropped.push({
      code: 'invalid-document',
      type: 'warning',
      index,
      ...(typeof id === 'string' && id ? { id } : {}),
      message: `Dropped ${what} not in the documented shape (${reason}).`,
    });
  });
  return { items, dropped };
}
