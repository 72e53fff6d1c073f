/** Adapts a session's typed events to the transports' single "event" stream. */
import { EVENT_NAMES, type FolioEvent, type FolioEventMap } from '../shared/api';
import type { TypedEmitter } from '../core/events/typed-emitter';

/** Calls `listener` with every event of `emitter` as a `{name, payload}` record. */
export function forwardEvents(emitter: TypedEmitter<FolioEventMap>, listener: (e: FolioEvent) => void): () => void {
  const offs = EVENT_NAMES.map((name) => emitter.on(name, (payload) => listener({ name, payload } as FolioEvent)));
  return () => offs.forEach((off) => off());
}
