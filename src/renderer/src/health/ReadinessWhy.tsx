import type { ReadinessReason } from '../../../shared/health.js';
import './health.css';

/** "Why 60?": each thing that costs the score, with its points. */
export function ReadinessWhy({ score, reasons }: { score: number; reasons: ReadinessReason[] }) {
  if (reasons.length === 0) return null;
  return (
    <details className="why">
      <summary>Why {score}?</summary>
      <ul className="why-list">
        {reasons.map((reason) => (
          <li key={reason.text}>
            <span className="why-points">−{reason.points}</span> {reason.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
