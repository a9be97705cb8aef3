import { ProfileStatus, type MentorProfile } from './mentor-profile.entity.js';

/** Anyone sees a published profile; a draft or paused one only its owner. */
export function isVisibleTo(profile: MentorProfile, viewerUserId: string | null | undefined): boolean {
  return profile.status === ProfileStatus.PUBLISHED || profile.userId === viewerUserId;
}
