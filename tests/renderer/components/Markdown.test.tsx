/** The note Markdown view renders emphasis and lists as elements and never as HTML. */
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Markdown } from '../../../src-renderer/components/Markdown';

describe('Markdown', () => {
  it('renders bold, italics, code and lists', () => {
    const { container } = render(<Markdown text={'**đậm** và *nghiêng* và `mã`\n\n- một\n- hai'} />);
    expect(container.querySelector('strong')?.textContent).toBe('đậm');
    expect(container.querySelector('em')?.textContent).toBe('nghiêng');
    expect(container.querySelector('code')?.textContent).toBe('mã');
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['một', 'hai']);
  });
  it('leaves snake_case and __dunder__ words literal', () => {
    const { container } = render(<Markdown text={'set window.__pwned and my_var_name'} />);
    expect(container.textContent).toBe('set window.__pwned and my_var_name');
    expect(container.querySelector('em')).toBeNull();
  });
  it('shows HTML in a note as text', () => {
    const { container } = render(<Markdown text={'<img src=x onerror="alert(1)"> <b>x</b>'} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x');
  });
});
