import type { Handlers } from '../../../shared/contract/index.js';
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
    getLogin: ({ id }) => session.unlocked().logins.get(id),
    setLogin: ({ id, ...input }) => session.unlocked().logins.set(id, input),
    revealPassword: ({ id }) => ({ password: session.unlocked().logins.revealPassword(id) }),
    revealPasswordHistory: ({ id }) => session.unlocked().logins.revealHistory(id),
    clearPasswordHistory: ({ id }) => {
      const vault = session.unlocked();
      vault.logins.clearHistory(id);
      return vault.logins.get(id);
    },
    generatePassword: (options) => session.unlocked().passwords.generate(options),
    estimatePasswordStrength: ({ password, accountId }) =>
      session.unlocked().passwords.estimate(password, accountId),
  };
}
