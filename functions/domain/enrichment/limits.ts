/** Bounds that keep one hostile page from costing more than a normal one. */

/** Visible text kept per page for the text extractors (emails, phones, people). */
export const MAX_TEXT_CHARS = 500_000;
/** Attribute values longer than this are truncated while parsing (data: URIs, inlined blobs). */
export const MAX_ATTRIBUTE_CHARS = 4_096;
/** A JSON-LD block larger than this is skipped rather than parsed. */
export const MAX_JSON_LD_CHARS = 200_000;
/** Nodes visited while walking one JSON-LD document. */
export const MAX_JSON_LD_NODES = 5_000;
/** HTML scanned by `html` fingerprints; tags past this point are not fingerprinted. */
export const MAX_FINGERPRINT_HTML_CHARS = 300_000;
/** Inline script text scanned by `scripts` fingerprints. */
export const MAX_FINGERPRINT_SCRIPT_CHARS = 200_000;
/** A fingerprint regex source longer than this is refused rather than compiled. */
export const MAX_PATTERN_CHARS = 1_000;
/** Values of one kind kept per site: a page listing 10,000 addresses is not a contact page. */
export const MAX_VALUES_PER_SITE = 200;
/** Characters either side of a phone cue in which a number is looked for. */
export const PHONE_CUE_WINDOW = 60;
/** Unbounded quantifiers in fingerprint patterns are capped at this many repetitions. */
export const MAX_PATTERN_REPEAT = 256;
/**
 * Element depth past which recursive readers stop descending (browsers' parsers cap nesting near
 * this too); the main page walk is iterative and reads any depth.
 */
export const MAX_DOM_DEPTH = 512;
