/** The facts about an IPC sender that decide whether it may call the API. */
export interface SenderFacts {
  /** The URL of the frame that sent the message (event.senderFrame.url). */
  frameUrl: string | undefined;
  /** Whether that frame is the top frame of its page (no parent). */
  isTopFrame: boolean;
  /** Whether the frame belongs to the app's own window. */
  isAppWindow: boolean;
}

/**
 * Only the top frame of the app's own window, showing a page of the app's own
 * origin, may call the API. Everything else (an iframe, a navigated page, another
 * window) is refused.
 */
export function isTrustedSender(facts: SenderFacts, allowedOrigins: readonly string[]): boolean {
  if (!facts.isTopFrame || !facts.isAppWindow || facts.frameUrl === undefined) return false;
  let origin: string;
  try {
    const url = new URL(facts.frameUrl);
    // Custom schemes report an opaque origin ("null"); rebuild it from the scheme and host.
    origin = url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
  } catch {
    return false;
  }
  return allowedOrigins.includes(origin);
}
