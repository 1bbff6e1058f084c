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
