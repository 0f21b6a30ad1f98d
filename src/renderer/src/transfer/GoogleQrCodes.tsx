import { useState } from 'react';
import type { GoogleMigrationQrView } from '../../../shared/contract/import-methods.js';
import { NotExportedList } from './NotExportedList.js';

/** Google Authenticator transfer QR codes on screen, one batch at a time ("2 of 3"). */
export function GoogleQrCodes({
  view,
  onDone,
}: {
  view: GoogleMigrationQrView;
  onDone: () => void;
}) {
  const [index, setIndex] = useState(0);
  const total = view.images.length;
  return (
    <div className="qr-codes">
      <p>
        In Google Authenticator: <em>Transfer accounts → Import accounts</em>, then scan each code.{' '}
        {view.exported} {view.exported === 1 ? 'account' : 'accounts'} in all.
      </p>
      <figure className="qr-figure">
        <img
          src={view.images[index]}
          alt={`Google Authenticator transfer QR code ${index + 1} of ${total}`}
          width={280}
          height={280}
        />
        <figcaption aria-live="polite">
          QR code {index + 1} of {total}
        </figcaption>
      </figure>
      <div className="actions">
        {total > 1 && (
          <>
            <button
              type="button"
              className="secondary"
              disabled={index === 0}
              onClick={() => setIndex(index - 1)}
            >
              Previous code
            </button>
            <button
              type="button"
              className="secondary"
              disabled={index === total - 1}
              onClick={() => setIndex(index + 1)}
            >
              Next code
            </button>
          </>
        )}
        <button type="button" className="primary" onClick={onDone}>
          Done, hide the codes
        </button>
      </div>
      <NotExportedList notExported={view.notExported} />
    </div>
  );
}
