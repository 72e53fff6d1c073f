/** A tiny typed event emitter: listeners per event name, returning an unsubscribe function. */

type Listener<T> = (payload: T) => void;

/** Emits events whose payload types are given by the map `M`. */
export class TypedEmitter<M extends object> {
  private readonly listeners = new Map<keyof M, Set<Listener<never>>>();

  /** Subscribes to one event; returns the unsubscribe function. */
  on<K extends keyof M>(name: K, listener: Listener<M[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Calls every listener of `name`; a throwing listener does not stop the others. */
  emit<K extends keyof M>(name: K, payload: M[K]): void {
    for (const l of this.listeners.get(name) ?? []) {
      try {
        (l as Listener<M[K]>)(payload);
      } catch (err) {
        console.error(`folio: listener for ${String(name)} failed:`, err);
      }
    }
  }
}
