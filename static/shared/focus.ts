/** Moves focus once React has rendered (after a form or panel closes): to the first of the selectors
 * that matches, so a deleted opener falls back to its list's next sensible control. */
export const focusSoon = (...selectors: string[]): void => {
  // On a busy machine React may commit a frame or two later: look again for a few frames, never forever.
  const attempt = (framesLeft: number) =>
    requestAnimationFrame(() => {
      for (const selector of selectors) {
        const el = document.querySelector<HTMLElement>(selector);
        if (el) {
          el.focus();
          // Focus does not take inside a subtree still inert (a dialog closing): try again next frame.
          if (document.activeElement === el) return;
          break;
        }
      }
      if (framesLeft > 0) attempt(framesLeft - 1);
    });
  attempt(10);
};
