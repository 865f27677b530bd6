/** Export limits and tunables: one place for each. */

/** Most rows one export job writes; a bigger result is cut here and the result says `capped`. */
export const MAX_EXPORT_ROWS = 1_000_000;
/** Rows per search_after page (the search API's own page ceiling). */
export const EXPORT_PAGE_SIZE = 500;
/** Bytes per S3 part: S3 wants at least 5 MiB for every part but the last. */
export const EXPORT_PART_BYTES = 8 * 1024 * 1024;
/** S3 part uploads in flight at once (memory: this many parts plus the one being filled). */
export const EXPORT_PART_UPLOADS_IN_FLIGHT = 2;
/** Pages between two progress reports to the job store (events may be throttled further). */
export const EXPORT_REPORT_EVERY_PAGES = 10;
/** How long a download URL stays valid. */
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;
