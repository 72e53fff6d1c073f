/** A draggable, keyboard-operable separator between two panes (ARIA `separator`). */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface ResizerProps {
  /** Accessible name, e.g. "Resize library". */
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (left pane), -1 when it shrinks it (right pane). */
  direction: 1 | -1;
  onChange(value: number): void;
  /** Called when a drag or key press ends, to persist the size. */
  onCommit(value: number): void;
}

/** A vertical pane separator. */
export function Resizer({ label, value, min, max, direction, onChange, onCommit }: ResizerProps) {
  const drag = useRef<{ x: number; start: number; last: number } | null>(null);
  const clamp = (v: number) => Math.max(min, Math.min(max, Math.round(v)));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, start: value, last: value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const next = clamp(drag.current.start + direction * (e.clientX - drag.current.x));
    drag.current.last = next;
    onChange(next);
  };
  const onPointerUp = () => {
    if (drag.current) onCommit(drag.current.last);
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 40 : 10;
    let next: number | null = null;
    if (e.key === 'ArrowLeft') next = clamp(value - direction * step);
    if (e.key === 'ArrowRight') next = clamp(value + direction * step);
    if (next !== null) {
      e.preventDefault();
      onChange(next);
      onCommit(next);
    }
  };
  return (
    <div
      className="resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
