/** Error messages: every code has a Vietnamese and an English message; unknown errors are bugs, logged. */
import { afterEach, describe, expect, it, vi as vitest } from 'vitest';
import { ERROR_CODES, FolioError } from '@shared/result';
import { en } from '../../../src-renderer/lib/i18n/en';
import { vi } from '../../../src-renderer/lib/i18n/vi';
import i18n from '../../../src-renderer/lib/i18n';
import { errorMessage, toUiError } from '../../../src-renderer/lib/errors';

describe('error messages', () => {
  afterEach(() => vitest.restoreAllMocks());

  it('has a Vietnamese and an English message for every error code, and they differ', () => {
    for (const code of ERROR_CODES) {
      expect(en.errorCodes[code], code).toMatch(/\S/);
      expect(vi.errorCodes[code], code).toMatch(/\S/);
      expect(vi.errorCodes[code], code).not.toBe(en.errorCodes[code]);
    }
  });

  it('shows a coded failure in the UI language, whatever its English detail says', async () => {
    const err = new FolioError('article-not-found', 'No article with id abc', { id: 'abc' });
    await i18n.changeLanguage('vi');
    expect(errorMessage(err)).toBe(vi.errorCodes['article-not-found']);
    await i18n.changeLanguage('en');
    expect(errorMessage(err)).toBe(en.errorCodes['article-not-found']);
  });

  it('treats an uncoded error as internal (a bug) and logs it with its detail', () => {
    const log = vitest.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError('x is undefined');
    expect(toUiError(bug)).toEqual({ code: 'internal', params: {} });
    expect(log).toHaveBeenCalledWith(expect.any(String), bug);
  });
});
