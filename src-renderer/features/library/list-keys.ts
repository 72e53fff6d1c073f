/** Keyboard movement in a listbox by index (WAI-ARIA listbox pattern), independent of the DOM. */

/**
 * The index a key moves to from `at` in a list of `count` rows, or null when the key does not
 * move (so the caller lets it through). `pageRows` rows are one Page Up/Down.
 */
export function nextListIndex(key: string, at: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(at + 1);
    case 'ArrowUp':
      return clamp(at - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(at + pageRows);
    case 'PageUp':
      return clamp(at - pageRows);
    default:
      return null;
  }
}
