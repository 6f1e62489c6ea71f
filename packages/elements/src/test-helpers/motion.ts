// Shared by the element and page tests. Test code only (excluded from the library build).

/**
 * Resolves once the motion running in `root` has ended (a dialog fading in, a panel rising). axe reads colours as
 * painted, so mid-fade text blends with the backdrop and fails color-contrast; a pointer aims at a box that moves.
 */
export async function motionEnded(root: ShadowRoot | Document): Promise<void> {
  await Promise.all(root.getAnimations().map((a) => a.finished.catch(() => undefined)));
}
