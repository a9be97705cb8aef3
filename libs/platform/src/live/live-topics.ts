/**
 * Redis pub/sub topics for GraphQL subscriptions. Pub/sub channels are not scoped
 * to a Redis database, so every topic carries the deployment's prefix.
 * Messages carry ids; the api re-reads what the subscriber may see.
 */
export interface LiveMessages {
  notifications: { notificationId: string };
  requests: { requestId: string };
  sessions: { sessionId: string };
}

export type LiveChannel = keyof LiveMessages;

export function liveTopic(prefix: string, channel: LiveChannel, userId: string): string {
  return `${prefix}/user/${userId}/${channel}`;
}
