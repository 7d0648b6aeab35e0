/**
 * A body weight of this run's own, 60.1 to 149.9 kg, as the patient types it ("87,3") and as the
 * app prints it back. Its tenths digit is 1 to 9: the app prints numbers with at most two
 * decimals and no trailing zero, so "87,0" typed comes back as "87 kg" and a test that expects
 * its own text would fail once in ten runs.
 */
export function ownWeight(now: number = Date.now()): { kg: number; text: string } {
  const kg = 60 + (Math.floor(now / 10) % 90) + (1 + (now % 9)) / 10;
  const rounded = Math.round(kg * 10) / 10;
  return { kg: rounded, text: rounded.toFixed(1).replace('.', ',') };
}
