import type { Ref } from 'react';

interface Props {
  secondsRemaining: number;
  period: number;
  /** Diameter in px. */
  size?: number;
  /** Last seconds of a code: the ring changes shape and colour, and the number stays. */
  ending: boolean;
  showSeconds?: boolean;
  /** The ring and its arc, for a ring that a live feed redraws between renders (LiveCountdownRing). */
  ringRef?: Ref<HTMLSpanElement>;
  arcRef?: Ref<SVGCircleElement>;
  /** With it, the seconds are left for the live feed to write (the element's text is not React's). */
  secondsRef?: Ref<HTMLSpanElement>;
}

const STROKE = 3;

/** The arc's circumference for a ring of `size` px. */
export function ringCircumference(size: number): number {
  return 2 * Math.PI * ((size - STROKE) / 2);
}

/** The arc's dash offset: the part of the step already gone. */
export function ringOffset(
  secondsRemaining: number,
  period: number,
  circumference: number,
): number {
  const left = period > 0 ? Math.min(1, Math.max(0, secondsRemaining / period)) : 0;
  return circumference * (1 - left);
}

/** What the ring says to a screen reader. */
export function ringLabel(secondsRemaining: number): string {
  return `${secondsRemaining} seconds left`;
}

/** How much of the current step is left, as a ring; the seconds are written inside. */
export function CountdownRing({
  secondsRemaining,
  period,
  size = 28,
  ending,
  showSeconds = true,
  ringRef,
  arcRef,
  secondsRef,
}: Props) {
  const radius = (size - STROKE) / 2;
  const circumference = ringCircumference(size);
  return (
    <span
      ref={ringRef}
      className={`ring${ending ? ' ring-ending' : ''}`}
      style={{ width: size, height: size }}
      role="img"
      aria-label={ringLabel(secondsRemaining)}
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
          ref={arcRef}
          className="ring-left"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          strokeWidth={STROKE}
          strokeDasharray={circumference}
          strokeDashoffset={ringOffset(secondsRemaining, period, circumference)}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      {showSeconds &&
        (secondsRef ? (
          <span className="ring-seconds" ref={secondsRef} />
        ) : (
          <span className="ring-seconds">{secondsRemaining}</span>
        ))}
    </span>
  );
}
