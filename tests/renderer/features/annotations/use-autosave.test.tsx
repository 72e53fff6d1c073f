/** Autosave with fake timers: one save after typing pauses, the last value wins, unmount flushes. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { AUTOSAVE_MS, useAutosave } from '../../../../src-renderer/features/annotations/use-autosave';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useAutosave', () => {
  it('saves once, with the last value, AUTOSAVE_MS after the last keystroke', () => {
    const save = vi.fn(async () => undefined);
    const { result } = renderHook(() => useAutosave('', save));
    act(() => result.current.setDraft('G'));
    act(() => vi.advanceTimersByTime(AUTOSAVE_MS - 1));
    act(() => result.current.setDraft('Gh'));
    act(() => vi.advanceTimersByTime(AUTOSAVE_MS - 1));
    expect(save).not.toHaveBeenCalled();
    act(() => result.current.setDraft('Ghi'));
    act(() => vi.advanceTimersByTime(AUTOSAVE_MS));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Ghi');
  });

  it('flushes a pending edit when the editor closes (unmount)', () => {
    const save = vi.fn(async () => undefined);
    const { result, unmount } = renderHook(() => useAutosave('', save));
    act(() => result.current.setDraft('chưa lưu'));
    unmount();
    expect(save).toHaveBeenCalledWith('chưa lưu');
  });

  it('takes a new value from outside only when nothing typed is pending', () => {
    const save = vi.fn(async () => undefined);
    const { result, rerender } = renderHook(({ v }) => useAutosave(v, save), { initialProps: { v: 'a' } });
    act(() => result.current.setDraft('typed'));
    rerender({ v: 'from another window' });
    expect(result.current.draft).toBe('typed');
    act(() => vi.advanceTimersByTime(AUTOSAVE_MS));
    rerender({ v: 'from another window, later' });
    expect(result.current.draft).toBe('from another window, later');
  });
});
