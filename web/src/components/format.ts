/** A time as a person reads it, in their own locale and zone. */
export function when(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function usd(value: number | null | undefined): string {
  return `$${Number(value ?? 0).toFixed(value && value < 0.01 && value > 0 ? 4 : 2)}`;
}

export function statusClass(status: string): string {
  return `status status-${status.toLowerCase()}`;
}

/** A size as a person reads it: 812 B, 1.2 KiB, 4.8 MiB. */
export function size(bytes: number | null | undefined): string {
  const n = Number(bytes ?? 0);
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
