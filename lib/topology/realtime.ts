/**
 * Realtime: the progress WebSocket (ticket-authorized $connect, job subscriptions) and the
 * HTTP route that issues the single-use tickets a browser connects with.
 */
import { MB, defineFeature } from './types.ts';

export const realtime = defineFeature({
  name: 'realtime',
  functions: {
    wsAuthorizer: {
      entry: 'functions/ws/authorizer.handler.ts',
      timeoutSeconds: 5,
      memoryMb: MB.small,
      // readwrite: a ticket is consumed (deleted) as it is checked.
      access: { tables: { control: 'readwrite' } },
    },
    wsConnect: { entry: 'functions/ws/connect.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'write' } } },
    wsDisconnect: { entry: 'functions/ws/disconnect.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'write' } } },
    wsDefault: {
      entry: 'functions/ws/default.handler.ts',
      timeoutSeconds: 5,
      memoryMb: MB.small,
      access: { tables: { control: 'readwrite' }, websocket: true },
    },
    createWsTicket: { entry: 'functions/http/ws-ticket.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'write' } } },
  },
  routes: [{ method: 'POST', path: '/v1/ws-tickets', fn: 'createWsTicket', authorized: true }],
  websocket: {
    authorizer: { fn: 'wsAuthorizer', query: 'ticket' },
    routeSelectionKey: 'action',
    routes: [
      { route: '$connect', fn: 'wsConnect' },
      { route: '$disconnect', fn: 'wsDisconnect' },
      { route: '$default', fn: 'wsDefault' },
    ],
  },
});
