import type { DecayStep } from '../model';

/** Decay steps as one cell: "30: 0.8; 90: 0.5; 180: 0.2" (from this many days, this factor). */
export function printDecaySteps(steps: readonly DecayStep[]): string {
  return steps.map((s) => `${s.fromDays}: ${s.factor}`).join('; ');
}

/** The inverse of printDecaySteps; also reads full-width "：" and "；". Undefined when a part is not "days: factor". */
export function parseDecaySteps(text: string): DecayStep[] | undefined {
  const steps: DecayStep[] = [];
  for (const part of text.normalize('NFKC').split(';')) {
    if (part.trim() === '') continue;
    const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*:\s*([0-9]*\.?[0-9]+)\s*$/.exec(part);
    if (!m) return undefined;
    steps.push({ fromDays: Number(m[1]), factor: Number(m[2]) });
  }
  return steps.length > 0 ? steps : undefined;
}
