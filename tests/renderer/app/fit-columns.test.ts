import { describe, expect, it } from 'vitest';
import { fitColumns, NO_CHANGE } from '../../../src-renderer/app/fit-columns';

// 10 px per character (a 19 px serif), 92 px of padding and gaps: two columns of 40 characters
// (plus 7 for the word a line breaks before) need 1032 px.
const base = { charWidth: 10, chrome: 92 };

describe('fitColumns', () => {
  it('changes nothing when both columns already hold 40 characters', () => {
    expect(fitColumns({ ...base, windowWidth: 1700, library: 305, annotations: 325 })).toEqual(NO_CHANGE);
  });
  it('narrows the panes first (1400 px with both panes open)', () => {
    expect(fitColumns({ ...base, windowWidth: 1500, library: 305, annotations: 325 })).toEqual({ ...NO_CHANGE, narrowPanes: true });
  });
  it('at 1024 px hides the annotations and, if that is not enough, the library too', () => {
    expect(fitColumns({ ...base, windowWidth: 1200, library: 271, annotations: 292 })).toEqual({ ...NO_CHANGE, narrowPanes: true, hideAnnotations: true });
    expect(fitColumns({ ...base, windowWidth: 1100, library: 271, annotations: 292 })).toEqual({ ...NO_CHANGE, hideAnnotations: true, hideLibrary: true });
  });
  it('never reports hiding a pane the user already hid', () => {
    expect(fitColumns({ ...base, windowWidth: 1100, library: null, annotations: 292 })).toEqual({ ...NO_CHANGE, hideAnnotations: true });
    expect(fitColumns({ ...base, windowWidth: 1100, library: null, annotations: null })).toEqual(NO_CHANGE);
  });
  it('interleaves when even the whole window is too narrow (a large font)', () => {
    expect(fitColumns({ ...base, charWidth: 20, windowWidth: 1024, library: 271, annotations: 292 })).toEqual({ ...NO_CHANGE, interleave: true });
  });
});
