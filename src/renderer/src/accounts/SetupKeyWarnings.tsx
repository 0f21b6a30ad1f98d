import { useEffect, useState } from 'react';
import type { SeedInputData } from '../../../shared/contract/account-methods.js';
import { call } from '../api.js';
import { type SeedDraft, seedInputOf } from './seed-input.js';

/** How long typing pauses before the key is checked. */
const PAUSE_MS = 250;

/**
 * The core's warnings about the setup key being typed (a key under RFC 4226's
 * 128 bits, a length no whole number of bytes gives), under the field. The key
 * still saves: these ask the person to look at it again.
 */
export function SetupKeyWarnings({ draft, id }: { draft: SeedDraft; id: string }) {
  const [checked, setChecked] = useState<{ key: string; warnings: string[] }>({
    key: '',
    warnings: [],
  });
  // The serialised seed: the same key typed again needs no new check.
  const key = JSON.stringify(seedInputOf(draft) ?? null);
  useEffect(() => {
    const seed = JSON.parse(key) as SeedInputData | null;
    if (seed === null) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      call('checkSeed', { seed })
        .then((check) => {
          if (current) setChecked({ key, warnings: check.warnings });
        })
        .catch(() => {
          // Problems with the key are reported at the field when the form is saved.
          if (current) setChecked({ key, warnings: [] });
        });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  const warnings = checked.key === key ? checked.warnings : [];
  return (
    <p id={id} className="hint key-warning" role="status">
      {warnings.join(' ')}
    </p>
  );
}
