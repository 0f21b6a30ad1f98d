/** The per-account history: what was done to an account's secrets, and when. */

/** Facts about an event. Never a secret: codes, seeds and passwords stay out of it. */
export type HistoryDetail = Record<string, string | number | boolean | null>;

export interface HistoryEvent {
  id: string;
  accountId: string;
  /** Dotted, feature first: `codes.use`, `codes.reveal`, `contacts.retire`... */
  type: string;
  /** Epoch ms. */
  at: number;
  detail: HistoryDetail;
}
