import type { CSSProperties } from 'react';

/** A letter tile for an account (decoration: the name is always written beside it). */
export function Avatar({ name, large = false }: { name: string; large?: boolean }) {
  const letter = [...name.trim()][0]?.toLocaleUpperCase() ?? '?';
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return (
    <span
      className={`avatar${large ? ' avatar-large' : ''}`}
      style={{ '--avatar-hue': hash } as CSSProperties}
      aria-hidden="true"
    >
      {letter}
    </span>
  );
}
