import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../shared/contract/vault-methods.js';
import { call } from './api.js';
import { AccountsView } from './accounts/AccountsView.js';
import { VaultGate } from './vault/VaultGate.js';

export function App() {
  const [status, setStatus] = useState<VaultStatus | null>(null);

  useEffect(() => {
    void call('getStatus', {}).then(setStatus);
  }, []);

  if (status === null) return <main className="centered" aria-busy="true" />;
  if (status.state !== 'unlocked') return <VaultGate status={status} onStatus={setStatus} />;
  return <AccountsView onLock={async () => setStatus(await call('lockVault', {}))} />;
}
