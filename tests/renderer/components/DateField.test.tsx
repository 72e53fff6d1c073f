/**
 * The typed date field (the notebook's filters, the "edit details" date): a real day is passed on
 * as soon as it is typed, a wrong one is named once the user leaves the field and never replaces
 * (or silently clears) the good one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { act } from 'react';
import { DateField } from '../../../src-renderer/components/DateField';
import i18n, { formatDate } from '../../../src-renderer/lib/i18n';

/** What the notebook's "from" field says stands while its text is wrong. */
const stillFiltering = (v: string | null) => (v ? i18n.t('filters.dateKept', { date: formatDate(v, i18n.language) }) : i18n.t('filters.dateNotApplied'));

afterEach(cleanup);

describe('DateField', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('vi'));
  });

  function setup(value: string | null = null) {
    const onChange = vi.fn();
    const view = render(<DateField label="Từ ngày" value={value} whileWrong={stillFiltering} onChange={onChange} />);
    const input = view.getByLabelText('Từ ngày') as HTMLInputElement;
    return { ...view, input, onChange };
  }

  it('asks for dd/mm/yyyy in Vietnamese and applies a typed day at once', () => {
    const { input, onChange } = setup();
    expect(input.placeholder).toBe('dd/mm/yyyy');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('Gõ ngày theo dạng dd/mm/yyyy');
    fireEvent.change(input, { target: { value: '22/04/2023' } });
    expect(onChange).toHaveBeenLastCalledWith('2023-04-22');
  });

  it('shows the applied day in the UI language’s format', () => {
    expect(setup('2023-04-03').input.value).toBe('03/04/2023');
  });

  it('names a day that does not exist, keeps the applied one, and says which', () => {
    const { input, onChange, queryByRole, getByRole } = setup('2023-04-03');
    fireEvent.change(input, { target: { value: '31/02/2024' } });
    // Not yet: the user may still be typing.
    expect(queryByRole('alert')).toBeNull();
    fireEvent.blur(input);
    expect(getByRole('alert').textContent).toBe('Không có ngày 31/02/2024: hãy xem lại ngày và tháng. Vẫn đang lọc từ ngày 3 thg 4, 2023.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(getByRole('alert').id);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('says so when a wrong date is not applied at all, and clears the message once the date is right', () => {
    const { input, onChange, queryByRole, getByRole } = setup();
    fireEvent.change(input, { target: { value: '22/4/23' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(getByRole('alert').textContent).toBe('Ngày “22/4/23” chưa đúng dạng: hãy gõ theo dd/mm/yyyy. Ngày này chưa được dùng để lọc.');
    fireEvent.change(input, { target: { value: '22/4/2023' } });
    expect(queryByRole('alert')).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith('2023-04-22');
  });

  it('clears the filter only when the field is emptied', () => {
    const { input, onChange } = setup('2023-04-03');
    fireEvent.change(input, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('rewrites the applied day when the UI language changes', async () => {
    const { input } = setup('2023-04-03');
    expect(input.value).toBe('03/04/2023');
    await act(() => i18n.changeLanguage('en'));
    expect(input.value).toBe('2023-04-03');
    expect(input.placeholder).toBe('yyyy-mm-dd');
  });

  it('asks for yyyy-mm-dd in English', async () => {
    await act(() => i18n.changeLanguage('en'));
    const { input, onChange } = setup('2023-04-03');
    expect(input.placeholder).toBe('yyyy-mm-dd');
    expect(input.value).toBe('2023-04-03');
    fireEvent.change(input, { target: { value: '2023-05-01' } });
    expect(onChange).toHaveBeenLastCalledWith('2023-05-01');
  });
});

describe('DateField with a time', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('vi'));
  });

  function setup(value: string | null = null) {
    const onChange = vi.fn();
    const onValidity = vi.fn();
    const view = render(<DateField label="Ngày" value={value} withTime layout="stacked" whileWrong={() => 'Chưa lưu gì.'} onChange={onChange} onValidity={onValidity} />);
    const input = view.getByLabelText('Ngày') as HTMLInputElement;
    return { ...view, input, onChange, onValidity };
  }

  it('shows a date-time as dd/mm/yyyy HH:mm in Vietnamese and passes on what is typed', () => {
    const { input, onChange } = setup('2023-04-22T18:05');
    expect(input.value).toBe('22/04/2023 18:05');
    expect(input.placeholder).toBe('dd/mm/yyyy HH:mm');
    fireEvent.change(input, { target: { value: '23/04/2023 07:15' } });
    expect(onChange).toHaveBeenLastCalledWith('2023-04-23T07:15');
    fireEvent.change(input, { target: { value: '24/04/2023' } });
    expect(onChange).toHaveBeenLastCalledWith('2023-04-24');
  });

  it('names a time that does not exist, keeps the text, and tells the form it is not a value', () => {
    const { input, onChange, onValidity, getByRole } = setup('2023-04-22T18:05');
    expect(onValidity).toHaveBeenLastCalledWith(true);
    fireEvent.change(input, { target: { value: '22/04/2023 24:30' } });
    expect(onValidity).toHaveBeenLastCalledWith(false);
    fireEvent.blur(input);
    expect(getByRole('alert').textContent).toBe('Giờ trong “22/04/2023 24:30” không có thật: giờ từ 00 đến 23, phút từ 00 đến 59. Chưa lưu gì.');
    expect(input.value).toBe('22/04/2023 24:30');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('asks for yyyy-mm-dd HH:mm in English and rewrites the value when the language changes', async () => {
    const { input } = setup('2023-04-22T06:30:00');
    await act(() => i18n.changeLanguage('en'));
    expect(input.value).toBe('2023-04-22 06:30');
    expect(input.placeholder).toBe('yyyy-mm-dd HH:mm');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('Type the date as yyyy-mm-dd HH:mm; the time (24-hour) may be left out');
  });

  it('stops its form from submitting a mistake, names it and takes the focus back', () => {
    const onSubmit = vi.fn((e: { preventDefault(): void }) => e.preventDefault());
    const { getByLabelText, getByRole } = render(
      <form onSubmit={onSubmit}>
        <DateField label="Ngày" value="2023-04-22" withTime whileWrong={() => 'Chưa lưu gì.'} onChange={() => undefined} />
        <button type="submit">Lưu</button>
      </form>,
    );
    const input = getByLabelText('Ngày') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '22/04/2023 6h' } });
    act(() => (input.form as HTMLFormElement).requestSubmit(getByRole('button', { name: 'Lưu' }) as HTMLButtonElement));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(getByRole('alert').textContent).toBe('Ngày “22/04/2023 6h” chưa đúng dạng: hãy gõ theo dd/mm/yyyy HH:mm. Chưa lưu gì.');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: '22/04/2023 06:00' } });
    act(() => (input.form as HTMLFormElement).requestSubmit());
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
