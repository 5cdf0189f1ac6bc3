/** Moves focus once React has rendered (after a form or panel closes): to the first of the selectors
 * that matches, so a deleted opener falls back to its list's next sensible control. */
export const focusSoon = (...selectors: string[]): void => {
  requestAnimationFrame(() => {
    for (const selector of selectors) {
      const el = document.querySelector<HTMLElement>(selector);
      if (el) {
        el.focus();
        return;
      }
    }
  });
};
