/**
 * leadstack's own fingerprint set, written for the products B2B buyers ask about from public
 * facts (CDN hosts, globals, headers, cookies). Imported statically so the bundler ships it
 * inside the function; an operator's directory replaces it through configuration.
 */
import abTesting from './fingerprints/ab-testing.json' with { type: 'json' };
import advertising from './fingerprints/advertising.json' with { type: 'json' };
import analytics from './fingerprints/analytics.json' with { type: 'json' };
import categories from './fingerprints/categories.json' with { type: 'json' };
import chatSupport from './fingerprints/chat-support.json' with { type: 'json' };
import cms from './fingerprints/cms.json' with { type: 'json' };
import consent from './fingerprints/consent.json' with { type: 'json' };
import crmMarketing from './fingerprints/crm-marketing.json' with { type: 'json' };
import ecommerce from './fingerprints/ecommerce.json' with { type: 'json' };
import fonts from './fingerprints/fonts.json' with { type: 'json' };
import formsScheduling from './fingerprints/forms-scheduling.json' with { type: 'json' };
import frameworks from './fingerprints/frameworks.json' with { type: 'json' };
import infrastructure from './fingerprints/infrastructure.json' with { type: 'json' };
import libraries from './fingerprints/libraries.json' with { type: 'json' };
import monitoring from './fingerprints/monitoring.json' with { type: 'json' };
import payments from './fingerprints/payments.json' with { type: 'json' };
import security from './fingerprints/security.json' with { type: 'json' };
import serversLanguages from './fingerprints/servers-languages.json' with { type: 'json' };
import tagManagers from './fingerprints/tag-managers.json' with { type: 'json' };
import video from './fingerprints/video.json' with { type: 'json' };
import type { RawCategories, RawTechnologyFile } from './fingerprint-schema.ts';
import type { FingerprintSet } from './fingerprint-set.ts';
import { compileFingerprintSet } from './fingerprint-set.ts';
import { loadFingerprintDir } from './fingerprint-loader.ts';

const SHIPPED_FILES = [
  abTesting, advertising, analytics, chatSupport, cms, consent, crmMarketing, ecommerce, fonts, formsScheduling,
  frameworks, infrastructure, libraries, monitoring, payments, security, serversLanguages, tagManagers, video,
] as unknown as RawTechnologyFile[];

let shipped: FingerprintSet | undefined;

/** The shipped set, compiled on first use and kept for the warm process. */
export function shippedFingerprints(): FingerprintSet {
  shipped ??= compileFingerprintSet(SHIPPED_FILES, categories as RawCategories);
  return shipped;
}

const loadedDirs = new Map<string, FingerprintSet>();

/** The configured directory's set, or the shipped one when none is configured; each compiled once. */
export function fingerprintsFor(dir: string | undefined): FingerprintSet {
  if (dir === undefined) return shippedFingerprints();
  let set = loadedDirs.get(dir);
  if (!set) {
    set = loadFingerprintDir(dir);
    loadedDirs.set(dir, set);
  }
  return set;
}
