interface Props {
  secondsRemaining: number;
  period: number;
  /** Diameter in px. */
  size?: number;
  /** Last seconds of a code: the ring changes shape and colour, and the number stays. */
  ending: boolean;
  showSeconds?: boolean;
}

const STROKE = 3;

/** How much of the current step is left, as a ring; the seconds are written inside. */
export function CountdownRing({
  secondsRemaining,
  period,
  size = 28,
  ending,
  showSeconds = true,
}: Props) {
  const radius = (size - STROKE) / 2;
  const circumference = 2 * Math.PI * radius;
  const left = period > 0 ? Math.min(1, Math.max(0, secondsRemaining / period)) : 0;
  return (
    <span
      className={`ring${ending ? ' ring-ending' : ''}`}
      style={{ width: size, height: size }}
      role="img"
      aria-label={`${secondsRemaining} seconds left`}
    >
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
        <circle
          className="ring-track"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          strokeWidth={STROKE}
        />
        <circle
          className="ring-left"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          strokeWidth={STROKE}
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - left)}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      {showSeconds && <span className="ring-seconds">{secondsRemaining}</span>}
    </span>
  );
}
