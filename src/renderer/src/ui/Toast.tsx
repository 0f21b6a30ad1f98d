import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

interface ToastAction {
  label: string;
  run: () => void;
}

interface ToastMessage {
  id: number;
  text: string;
  kind: 'done' | 'error';
  action: ToastAction | null;
}

type Show = (text: string, kind?: ToastMessage['kind'], action?: ToastAction) => void;

const ToastContext = createContext<{ show: Show; clear: () => void }>({
  show: () => undefined,
  clear: () => undefined,
});

/** How long a toast stays: longer when it offers something to do (Undo). */
const SHOWN_MS = 4000;
const SHOWN_WITH_ACTION_MS = 10_000;

/**
 * Short confirmations ("Copied…"), announced politely to screen readers; one
 * may offer an action (Undo). A move to another view clears it: it was about
 * what was on screen.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const counter = useRef(0);
  const show = useCallback<Show>((text, kind = 'done', action) => {
    counter.current += 1;
    setMessage({ id: counter.current, text, kind, action: action ?? null });
  }, []);
  const clear = useCallback(() => setMessage(null), []);

  useEffect(() => {
    if (message === null) return;
    const timer = window.setTimeout(
      () => setMessage(null),
      message.action === null ? SHOWN_MS : SHOWN_WITH_ACTION_MS,
    );
    return () => window.clearTimeout(timer);
  }, [message]);

  const value = useMemo(() => ({ show, clear }), [show, clear]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {message && (
          <div key={message.id} className={`toast toast-${message.kind}`}>
            <span>{message.text}</span>
            {message.action && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  setMessage(null);
                  message.action?.run();
                }}
              >
                {message.action.label}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Show {
  return useContext(ToastContext).show;
}

/** Clears the toast (the shell calls it on every move to another view). */
export function useClearToast(): () => void {
  return useContext(ToastContext).clear;
}
