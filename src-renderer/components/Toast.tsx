/** A polite status message at the bottom of the window, with an optional action (Undo). */
import { useEffect } from 'react';
import { useFolio } from '../app/store';

/** Shows the store's toast for a few seconds. */
export function Toast() {
  const toast = useFolio((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => useFolio.setState({ toast: null }), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              onClick={() => {
                toast.action?.run();
                useFolio.setState({ toast: null });
              }}
            >
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
