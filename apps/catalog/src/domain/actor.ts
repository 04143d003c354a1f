/** Who is asking: the verified caller of a request. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

export function isAdmin(actor: Actor | undefined): boolean {
  return actor?.roles.includes('admin') ?? false;
}
