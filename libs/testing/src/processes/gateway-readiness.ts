/**
 * The gateway is ready when every service is. A test that starts only some of them counts it ready
 * when its /ready answers 200, or 503 naming only services that were deliberately left out.
 */
export async function gatewayReadyWithout(baseUrl: string, absent: readonly string[]): Promise<boolean> {
  const response = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(3_000) });
  const body: unknown = await response.json().catch(() => undefined);
  return isGatewayReadyWithout(response.status, body, absent);
}

export function isGatewayReadyWithout(status: number, body: unknown, absent: readonly string[]): boolean {
  if (status === 200) return true;
  if (status !== 503) return false;
  const details = (body as { error?: { details?: { field?: unknown }[] } } | undefined)?.error?.details;
  if (!Array.isArray(details) || details.length === 0) return false;
  return details.every((detail) => typeof detail.field === 'string' && absent.includes(detail.field));
}
