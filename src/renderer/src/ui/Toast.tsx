import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';

interface ToastMessage {
  id: number;
  text: string;
  kind: 'done' | 'error';
}

type Show = (text: string, kind?: ToastMessage['kind']) => void;

const ToastContext = createContext<Show>(() => undefined);

/** Short confirmations ("Copied…"), announced politely to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const counter = useRef(0);
  const show = useCallback<Show>((text, kind = 'done') => {
    counter.current += 1;
    setMessage({ id: counter.current, text, kind });
  }, []);

  useEffect(() => {
    if (message === null) return;
    const timer = window.setTimeout(() => setMessage(null), 4000);
    return () => window.clearTimeout(timer);
  }, [message]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {message && (
          <div key={message.id} className={`toast toast-${message.kind}`}>
            {message.text}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Show {
  return useContext(ToastContext);
}
