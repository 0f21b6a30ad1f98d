import { useEffect, useState } from 'react';
import type { LockReason } from '../../shared/contract/index.js';
import type { VaultStatus } from '../../shared/contract/vault-methods.js';
import { call, onEvent } from './api.js';
import { AppShell } from './layout/AppShell.js';
import { useActivityReporter } from './shell/useActivityReporter.js';
import { CreateVault } from './vault/CreateVault.js';
import { UnlockVault } from './vault/UnlockVault.js';

/**
 * The vault's state decides the screen: create, unlock, or the app. A lock from
 * main (idle, sleep, screen lock, menu) switches to the unlock screen, which
 * unmounts every view and with it everything they held.
 */
export function App() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [lockReason, setLockReason] = useState<LockReason | null>(null);

  useEffect(() => {
    void call('getStatus', {}).then(setStatus);
    const stopLocked = onEvent('locked', (event) => {
      setLockReason(event.reason);
      setStatus(event.status);
    });
    const stopVault = onEvent('vaultChanged', (next) => {
      setLockReason(null);
      setStatus(next);
    });
    return () => {
      stopLocked();
      stopVault();
    };
  }, []);

  useActivityReporter(status?.state === 'unlocked');

  if (status === null) return <main className="centered" aria-busy="true" />;
  if (status.state === 'no-vault') return <CreateVault status={status} onCreated={setStatus} />;
  if (status.state === 'locked') {
    return (
      <UnlockVault
        status={status}
        reason={lockReason}
        onUnlocked={(next) => {
          setLockReason(null);
          setStatus(next);
        }}
      />
    );
  }
  return (
    <AppShell
      status={status}
      onStatus={setStatus}
      onLock={async () => {
        setLockReason('user');
        setStatus(await call('lockVault', {}));
      }}
    />
  );
}
