/** The roles a roster gives people (DESIGN.md "Identity, roles, policy"). */
export const ROLES = ['admin', 'reviewer', 'security', 'approver'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that can sign off a release (an admin manages people and policy, and decides nothing about code). */
export const SIGNING_ROLES = ['reviewer', 'security', 'approver'] as const satisfies readonly Role[];
export type SigningRole = (typeof SIGNING_ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
