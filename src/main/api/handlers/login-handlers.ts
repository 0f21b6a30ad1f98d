import type { Handlers } from '../../../shared/contract/index.js';
import type { LoginDetails } from '../../../shared/passwords.js';
import type { AppSession } from '../app-session.js';

type LoginHandlers = Pick<
  Handlers,
  | 'getLogin'
  | 'setLogin'
  | 'revealPassword'
  | 'revealPasswordHistory'
  | 'clearPasswordHistory'
  | 'generatePassword'
  | 'estimatePasswordStrength'
>;

export function loginHandlers(session: AppSession): LoginHandlers {
  return {
    getLogin: ({ id }) => session.unlocked().logins.details(id),
    setLogin: ({ id, ...input }) => {
      const vault = session.unlocked();
      vault.logins.set(id, input);
      return vault.logins.details(id) as LoginDetails;
    },
    revealPassword: ({ id }) => ({ password: session.unlocked().logins.revealPassword(id) }),
    revealPasswordHistory: ({ id }) => session.unlocked().logins.revealHistory(id),
    clearPasswordHistory: ({ id }) => {
      const vault = session.unlocked();
      vault.logins.clearHistory(id);
      return vault.logins.details(id);
    },
    generatePassword: (options) => session.unlocked().passwords.generate(options),
    estimatePasswordStrength: ({ password, accountId }) =>
      session.unlocked().passwords.estimate(password, accountId),
  };
}
