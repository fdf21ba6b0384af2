// The life of one review assignment, as a table. An assignment is `assigned` until the reviewer submits
// (`submitted`, read-only) or it is `released`: a declared conflict, a hand unassignment, or the application
// going back to the firm. Released seats are filled by the next assignment run.
export const ASSIGNMENT_STATUSES = ['assigned', 'released', 'submitted'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export type ReleaseReason = 'conflict' | 'unassigned' | 'returned';

/** Applications take reviewers while submitted (not yet assigned) or in review. */
export const REVIEWABLE_APPLICATION_STATUSES = ['submitted', 'in_review'] as const;

/** A seat counts towards the panel while assigned or submitted. */
export const isActive = (status: AssignmentStatus) => status !== 'released';
