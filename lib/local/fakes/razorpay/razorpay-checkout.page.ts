/** The fake's hosted checkout: one page per subscription with a "Pay" button, and the answer after paying. */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;

export const checkoutPage = (subscription: { id: string; status: string }, plan: { name: string; amount: number; currency: string }): string =>
  page(
    `Pay ${plan.name}`,
    `<h1>${escapeHtml(plan.name)}</h1>
<p>Subscription <code>${escapeHtml(subscription.id)}</code>: ${escapeHtml(subscription.status)}</p>
<p>${(plan.amount / 100).toFixed(2)} ${escapeHtml(plan.currency)} per period (test mode: no money moves)</p>
<form method="post" action="/checkout/${encodeURIComponent(subscription.id)}/pay"><button type="submit">Pay</button></form>`,
  );

export const paidPage = (subscriptionId: string, deliveries: readonly { event: string; status: number }[]): string =>
  page(
    'Paid',
    `<h1>Paid</h1><p>Subscription <code>${escapeHtml(subscriptionId)}</code> is active.</p>
<ul>${deliveries.map((d) => `<li>${escapeHtml(d.event)}: webhook answered ${d.status === 0 ? 'nothing (API unreachable)' : d.status}</li>`).join('')}</ul>`,
  );
