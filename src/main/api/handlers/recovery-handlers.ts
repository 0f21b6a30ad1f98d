import type { Handlers } from '../../../shared/contract/index.js';
import type { AppSession } from '../app-session.js';

type RecoveryHandlers = Pick<
  Handlers,
  | 'listContacts'
  | 'addContact'
  | 'updateContact'
  | 'confirmContact'
  | 'retireContact'
  | 'reinstateContact'
  | 'removeContact'
  | 'contactUses'
  | 'getRecovery'
  | 'addMethod'
  | 'removeMethod'
  | 'setMethodWorking'
  | 'updateRecovery'
  | 'addRecoveryContact'
  | 'removeRecoveryContact'
  | 'markTested'
>;

export function recoveryHandlers(session: AppSession): RecoveryHandlers {
  const vault = () => session.unlocked();
  return {
    listContacts: () => vault().contacts.list(),
    addContact: (input) => vault().contacts.add(input),
    updateContact: ({ id, ...patch }) => vault().contacts.update(id, patch),
    confirmContact: ({ id, at }) => vault().contacts.confirm(id, at),
    retireContact: ({ id }) => vault().contacts.retire(id),
    reinstateContact: ({ id }) => vault().contacts.reinstate(id),
    removeContact: ({ id }) => {
      vault().contacts.remove(id);
      return null;
    },
    contactUses: ({ id }) => vault().contacts.uses(vault().contacts.get(id)),
    getRecovery: ({ accountId }) => vault().recovery.get(accountId),
    addMethod: ({ accountId, ...method }) => vault().recovery.addMethod(accountId, method),
    removeMethod: ({ accountId, methodId }) => vault().recovery.removeMethod(accountId, methodId),
    setMethodWorking: ({ accountId, methodId, working }) =>
      vault().recovery.setMethodWorking(accountId, methodId, working),
    updateRecovery: ({ accountId, ...patch }) => vault().recovery.update(accountId, patch),
    addRecoveryContact: ({ accountId, contactId }) =>
      vault().recovery.addRecoveryContact(accountId, contactId),
    removeRecoveryContact: ({ accountId, contactId }) =>
      vault().recovery.removeRecoveryContact(accountId, contactId),
    markTested: ({ accountId, at }) => vault().recovery.markTested(accountId, at),
  };
}
