/** What a user may do beyond their own things. Stored: never rename one. */
export const UserRole = { MEMBER: 'MEMBER', ADMIN: 'ADMIN' } as const;
export type UserRole = (typeof UserRole)[keyof typeof UserRole];

export function isAdmin(user: { role: UserRole }): boolean {
  return user.role === UserRole.ADMIN;
}
