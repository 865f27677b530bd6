import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError } from '../errors.ts';
import { logger } from '../logger.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function jsonResponse(statusCode: number, body: Record<string, unknown>): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

export function successResponse(body: Record<string, unknown>, statusCode = 200): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(statusCode, { success: true, ...body });
}

/** The one mapping of errors to responses: typed errors keep their code, anything else is a 500. */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof AppError) {
    return jsonResponse(error.status, {
      success: false,
      error: { code: error.code, message: error.message, details: error.details },
    });
  }
  logger.error('Unhandled error', error as Error);
  return jsonResponse(500, {
    success: false,
    error: { code: 'ERR_INTERNAL', message: 'Internal error', details: [] },
  });
}
