import type { Contact } from '../shared/recovery.js';
import { formatDate } from './output.js';

export function contactLine(contact: Contact): string[] {
  return [
    contact.id,
    contact.kind,
    contact.display,
    contact.label,
    contact.confirmedAt === null ? 'never' : formatDate(contact.confirmedAt),
    contact.retiredAt === null ? '' : `retired ${formatDate(contact.retiredAt)}`,
  ];
}
