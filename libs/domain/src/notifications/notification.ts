export interface Notification {
  id: string;
  userId: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  userId: string;
  type: string;
  title: string;
  body: string;
  link?: string;
  /** Identifies the cause (event id + recipient), so a redelivered job creates nothing new. */
  dedupeKey: string;
}
