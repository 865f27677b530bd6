/**
 * The js-only site's contact page: the HTML holds an empty container, and a served script fills
 * in emails, phones and people on load from a base64 payload, so nothing is found without a
 * browser (or a script engine) running it.
 */
import type { SitePlan } from './site-plan.ts';

export const JS_CONTACT_ROOT_ID = 'contact-root';

export function renderJsContactBody(plan: SitePlan, heading: string): string {
  return [
    `<h1>${heading}</h1>`,
    `<div id="${JS_CONTACT_ROOT_ID}" data-loading="true"><noscript>Please enable JavaScript to see our contact details.</noscript></div>`,
    `<script src="${plan.contactScriptPath}" defer></script>`,
  ].join('\n');
}

export function renderJsContactScript(plan: SitePlan): string {
  const { truth } = plan;
  const payload = {
    emails: truth.emails.filter((e) => !truth.people.some((p) => p.email === e.address)).map((e) => e.address),
    phones: truth.phones.map((p) => ({ display: p.display, e164: p.e164 })),
    people: truth.people.map((p) => ({ name: p.name, title: p.title, email: p.email ?? null })),
  };
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
  return `(function () {
  var data = JSON.parse(decodeURIComponent(escape(atob('${encoded}'))));
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function render() {
    var root = document.getElementById('${JS_CONTACT_ROOT_ID}');
    if (!root) return;
    var html = '';
    data.emails.forEach(function (e) { html += '<p><a href="mailto:' + e + '">' + esc(e) + '</a></p>'; });
    data.phones.forEach(function (p) { html += '<p>Phone: <a href="tel:' + p.e164 + '">' + esc(p.display) + '</a></p>'; });
    if (data.people.length) {
      html += '<h2>Who you will talk to</h2><ul class="team">';
      data.people.forEach(function (p) {
        html += '<li><strong>' + esc(p.name) + '</strong> – ' + esc(p.title) + (p.email ? ' <a href="mailto:' + p.email + '">' + esc(p.email) + '</a>' : '') + '</li>';
      });
      html += '</ul>';
    }
    root.innerHTML = html;
    root.removeAttribute('data-loading');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render); else render();
})();
`;
}
