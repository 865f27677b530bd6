/**
 * RocketReach grades → a 0..1 confidence the waterfall compares across providers. A is a verified
 * deliverable address; F is known bad. Unknown grades are weak, not zero: the provider still
 * returned the address.
 */
const GRADE_CONFIDENCE: Readonly<Record<string, number>> = { 'A+': 1, A: 0.95, 'A-': 0.9, 'B+': 0.75, B: 0.7, 'B-': 0.6, C: 0.4, D: 0.2, F: 0 };
const UNKNOWN_GRADE_CONFIDENCE = 0.3;
const PHONE_CONFIDENCE = { recommended: 0.85, listed: 0.6 } as const;

export const emailConfidence = (grade: string | undefined): number => (grade === undefined ? UNKNOWN_GRADE_CONFIDENCE : (GRADE_CONFIDENCE[grade.trim().toUpperCase()] ?? UNKNOWN_GRADE_CONFIDENCE));

export const phoneConfidence = (recommended: boolean | undefined): number => (recommended ? PHONE_CONFIDENCE.recommended : PHONE_CONFIDENCE.listed);
