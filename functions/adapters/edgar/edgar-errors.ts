import { AppError } from '../../platform/errors.ts';

/** Fair access asks every automated client to say who it is; without a contact we do not call. */
export class EdgarContactMissingError extends AppError {
  constructor() {
    super('ERR_EDGAR_CONTACT_MISSING', 'SEC EDGAR needs a contact email in the User-Agent: set EDGAR_CONTACT_EMAIL', [{ path: 'EDGAR_CONTACT_EMAIL', message: 'not set' }]);
    this.name = 'EdgarContactMissingError';
  }
}

/** EDGAR kept answering 403/429 (its rate threshold) through our back-off: try again later. */
export class EdgarThrottledError extends AppError {
  constructor(
    readonly httpStatus: number,
    readonly retryAfterMs: number,
  ) {
    super('ERR_EDGAR_THROTTLED', `SEC EDGAR is throttling requests (HTTP ${httpStatus}); retry after ${retryAfterMs} ms`, [{ path: 'edgar', message: `http_${httpStatus}` }]);
    this.name = 'EdgarThrottledError';
  }
}

export class EdgarUnavailableError extends AppError {
  constructor(
    readonly httpStatus: number,
    operation: string,
  ) {
    super('ERR_EDGAR_UNAVAILABLE', `SEC EDGAR answered HTTP ${httpStatus} to ${operation}`, [{ path: 'edgar', message: `http_${httpStatus}` }]);
    this.name = 'EdgarUnavailableError';
  }
}

export class EdgarMalformedError extends AppError {
  constructor(what: string) {
    super('ERR_EDGAR_MALFORMED', `SEC EDGAR's ${what} does not have its documented shape`, [{ path: 'edgar', message: what }]);
    this.name = 'EdgarMalformedError';
  }
}
