/**
 * Session-level undo/redo as a stack of invertible operations (the command pattern): each entry
 * knows the record before and after, so undo writes `before` back and redo writes `after`.
 * A `null` side means "absent": undoing a create deletes, undoing a delete re-creates.
 */
import type { Annotation } from '../../shared/types';

/** One user action on one record. */
export interface UndoEntry {
  /** Short English description, e.g. `create highlight "the river…"`. */
  description: string;
  before: Annotation | null;
  after: Annotation | null;
}

/** A bounded undo stack with a redo stack that any new action clears. */
export class UndoStack {
  private readonly done: UndoEntry[] = [];
  private readonly undone: UndoEntry[] = [];
  constructor(private readonly limit = 200) {}

  /** Records a new user action (clears redo). */
  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** The action undo would revert, without removing it. */
  peekUndo(): UndoEntry | undefined {
    return this.done[this.done.length - 1];
  }

  /** The action redo would re-apply, without removing it. */
  peekRedo(): UndoEntry | undefined {
    return this.undone[this.undone.length - 1];
  }

  /** Moves the last action to the redo stack (call after it was reverted on disk). */
  markUndone(): void {
    const e = this.done.pop();
    if (e) this.undone.push(e);
  }

  /** Moves the last undone action back (call after it was re-applied on disk). */
  markRedone(): void {
    const e = this.undone.pop();
    if (e) this.done.push(e);
  }
}

/** A short description of an action for the UI ("Undo delete highlight “…”"). */
export function describeAction(verb: 'create' | 'edit' | 'delete', a: Annotation): string {
  if (a.kind === 'note') return `${verb} note`;
  const quote = a.target?.quote.exact.replace(/\s+/g, ' ').trim() ?? '';
  const short = quote.length > 40 ? `${quote.slice(0, 39)}…` : quote;
  return `${verb} highlight "${short}"`;
}
