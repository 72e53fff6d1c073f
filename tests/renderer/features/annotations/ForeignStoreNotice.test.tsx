/**
 * The question asked when a library's annotations.json came from another library: nothing is
 * merged until the user says so; "Merge" calls the API once and the banner goes; a refusal keeps
 * the question open.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { act } from 'react';

vi.mock('../../../../src-renderer/lib/api', () => import('../../support/fake-api'));
const fake = await import('../../support/fake-api');
const { useFolio } = await import('../../../../src-renderer/app/store');
const { ForeignStoreNotice } = await import('../../../../src-renderer/features/annotations/ForeignStoreNotice');

afterEach(() => {
  cleanup();
  fake.reset();
});

describe('ForeignStoreNotice', () => {
  it('merges only when asked, then reloads and goes away', async () => {
    render(<ForeignStoreNotice annotations={3} />);
    expect(fake.calls).toEqual([]);
    const loadLibrary = vi.spyOn(useFolio.getState(), 'loadLibrary').mockResolvedValue();
    fireEvent.click(screen.getByRole('button', { name: /merge|hợp nhất/i }));
    const call = fake.next('mergeForeignAnnotations');
    await act(async () => {
      call.resolve({ added: 3, updated: 0, keptAs: 'annotations.foreign-x.json' });
      await fake.settle();
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(loadLibrary).toHaveBeenCalled();
    expect(useFolio.getState().toast).toBeTruthy();
  });

  it('keeps asking when the merge is refused, and "Not now" closes without merging', async () => {
    render(<ForeignStoreNotice annotations={2} />);
    fireEvent.click(screen.getByRole('button', { name: /merge|hợp nhất/i }));
    await act(async () => {
      fake.next('mergeForeignAnnotations').reject('read-only');
      await fake.settle();
    });
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /not now|để sau/i }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.calls).toEqual([]);
  });
});
