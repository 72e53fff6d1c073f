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
  it('renders block quotes, fenced code and tables as elements', () => {
    const { container } = render(<Markdown text={'> Trích *dẫn*\n\n```\nif a < b: print(a)\n```\n\n| Tỉnh | Độ mặn |\n|---|--:|\n| Bến Tre | 4 g/l |'} />);
    expect(container.querySelector('blockquote em')?.textContent).toBe('dẫn');
    expect(container.querySelector('pre > code')?.textContent).toBe('if a < b: print(a)');
    expect([...container.querySelectorAll('th')].map((c) => c.textContent)).toEqual(['Tỉnh', 'Độ mặn']);
    expect([...container.querySelectorAll('tbody td')].map((c) => c.textContent)).toEqual(['Bến Tre', '4 g/l']);
    expect((container.querySelectorAll('tbody td')[1] as HTMLElement).style.textAlign).toBe('right');
    expect(container.textContent).not.toMatch(/```|\|---|^>/);
  });
  it('keeps the whole text of an unsafe link as text, and a URL with parentheses as one link', () => {
    const { container } = render(<Markdown text={'Đừng bấm [vào đây](javascript:alert(1)) mà xem [sông](https://example.org/wiki/Sông_(nhánh)).'} />);
    expect(container.textContent).toBe('Đừng bấm vào đây mà xem sông.');
    const links = [...container.querySelectorAll('.md-link')];
    expect(links.map((l) => [l.textContent, l.getAttribute('title')])).toEqual([['sông', 'https://example.org/wiki/S%C3%B4ng_(nh%C3%A1nh)']]);
    expect(container.querySelector('a')).toBeNull();
  });
});
