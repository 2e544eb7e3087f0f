// BAA status as of a day: a `signed` BAA whose `expires` date has passed counts as `expired`.
// Dates are calendar days: a BAA is still valid on its `expires` day, expired from the next one
// (in the local time zone of the machine, like the people who read the dates).

import type { BaaStatus, VendorPolicy } from './policy';

/** Vendors whose BAA expires within this many days are flagged (AI Tools & BAA view, `tools`). */
export const BAA_EXPIRY_WARNING_DAYS = 30;

export function effectiveBaa(vendor: Pick<VendorPolicy, 'baa' | 'expires'>, today: Date = new Date()): BaaStatus {
  if (vendor.baa !== 'signed' || vendor.expires === undefined) return vendor.baa;
  const days = daysUntilExpiry(vendor, today);
  // An expiry date that cannot be read (only possible for a policy built by hand: the loader
  // drops such vendors) does not prove the BAA is still valid.
  return days === undefined || days < 0 ? 'expired' : 'signed';
}

/** Whole days from `today` to `expires` (0 on the day itself, negative once passed); undefined without a valid date. */
export function daysUntilExpiry(vendor: Pick<VendorPolicy, 'expires'>, today: Date = new Date()): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(vendor.expires ?? '');
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const expiry = new Date(Date.UTC(year, month - 1, day));
  if (expiry.getUTCMonth() !== month - 1 || expiry.getUTCDate() !== day) return undefined;
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((expiry.getTime() - todayUtc) / 86_400_000);
}

/** A signed BAA that expires within `withinDays` days (not yet expired). */
export function isBaaExpiringSoon(
  vendor: Pick<VendorPolicy, 'baa' | 'expires'>,
  today: Date = new Date(),
  withinDays: number = BAA_EXPIRY_WARNING_DAYS,
): boolean {
  if (effectiveBaa(vendor, today) !== 'signed') return false;
  const days = daysUntilExpiry(vendor, today);
  return days !== undefined && days <= withinDays;
}
