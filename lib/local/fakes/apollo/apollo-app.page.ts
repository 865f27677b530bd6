/**
 * The fake web app: one page whose hash routes (`#/companies?…`, `#/people?…`) carry the search
 * the way Apollo's URLs do (repeated `key[]=` pairs, `[]` written raw or as `%5B%5D`, ranges
 * `min,max`, camelCase keys). Its script turns the fragment into the internal search request
 * (snake_case JSON, 25 a page), sends it with the session cookie and the CSRF token read from
 * the `X-CSRF-TOKEN` cookie, and fills the table from the JSON it gets back.
 */

const SCRIPT = String.raw`
(function () {
  var PAGE_SIZE = 25;
  var ROUTES = {
    companies: { path: '/api/v1/mixed_companies/search', list: 'organizations',
      columns: ['Company', 'Domain', 'Industry', 'Employees', 'Location'],
      cells: function (o) { return [o.name, o.primary_domain, o.industry, o.estimated_num_employees, [o.city, o.state, o.country].filter(Boolean).join(', ')]; } },
    people: { path: '/api/v1/mixed_people/search', list: 'people',
      columns: ['Name', 'Title', 'Company', 'Location', 'Email status'],
      cells: function (p) { return [p.name, p.title, p.organization && p.organization.name, [p.city, p.state, p.country].filter(Boolean).join(', '), p.email_status]; } }
  };
  function decodeFully(text) {
    var out = text.replace(/\+/g, ' ');
    for (var i = 0; i < 3; i++) {
      var next;
      try { next = decodeURIComponent(out); } catch (e) { return out; }
      if (next === out) return out;
      out = next;
    }
    return out;
  }
  function snake(key) { return key.replace(/[A-Z]/g, function (c) { return '_' + c.toLowerCase(); }); }
  function readFragment() {
    var hash = location.hash.replace(/^#\/?/, '');
    var at = hash.indexOf('?');
    var route = (at < 0 ? hash : hash.slice(0, at)) || 'companies';
    var params = {};
    (at < 0 ? '' : hash.slice(at + 1)).split('&').forEach(function (pair) {
      if (!pair) return;
      var eq = pair.indexOf('=');
      var key = decodeFully(eq < 0 ? pair : pair.slice(0, eq));
      var value = decodeFully(eq < 0 ? '' : pair.slice(eq + 1));
      var isList = key.slice(-2) === '[]';
      var name = snake(isList ? key.slice(0, -2) : key);
      if (isList || Object.prototype.hasOwnProperty.call(params, name)) {
        params[name] = [].concat(params[name] === undefined ? [] : params[name], value);
      } else {
        params[name] = value;
      }
    });
    return { route: route, params: params };
  }
  function csrfToken() {
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf('X-CSRF-TOKEN=') === 0; })[0];
    return found ? decodeURIComponent(found.slice('X-CSRF-TOKEN='.length)) : '';
  }
  function text(node, value) { node.textContent = value === undefined || value === null ? '' : String(value); return node; }
  function render(route, body) {
    var table = document.getElementById('results');
    table.innerHTML = '';
    var head = table.insertRow();
    route.columns.forEach(function (c) { var th = document.createElement('th'); text(th, c); head.appendChild(th); });
    (body[route.list] || []).forEach(function (item) {
      var row = table.insertRow();
      row.setAttribute('data-id', item.id);
      route.cells(item).forEach(function (value) { text(row.insertCell(), value); });
    });
    var p = body.pagination || {};
    text(document.getElementById('status'), 'Page ' + p.page + ' of ' + p.total_pages + ' (' + p.total_entries + ' results)');
    document.getElementById('status').setAttribute('data-state', 'loaded');
  }
  function fail(message) {
    text(document.getElementById('status'), message);
    document.getElementById('status').setAttribute('data-state', 'error');
  }
  function load() {
    var fragment = readFragment();
    var route = ROUTES[fragment.route] || ROUTES.companies;
    var params = fragment.params;
    var body = Object.assign({}, params, { page: Number(params.page || 1), per_page: PAGE_SIZE, display_mode: 'explorer_mode' });
    document.getElementById('status').setAttribute('data-state', 'loading');
    fetch(route.path, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) return fail('Your session has expired. Please log in again.');
      if (response.status === 429) return fail('Too many requests. Try again in ' + response.headers.get('retry-after') + ' seconds.');
      if (!response.ok) return fail('Search failed (' + response.status + ')');
      return response.json().then(function (json) { render(route, json); });
    }, function () { fail('Network error'); });
  }
  window.addEventListener('hashchange', load);
  load();
})();
`;

export const apolloAppPage = (): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Apollo (fake)</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}</style>
</head><body>
<header><strong>Apollo</strong> <nav><a href="#/companies">Companies</a> · <a href="#/people">People</a></nav></header>
<p id="status" data-state="idle">Loading…</p>
<table id="results"></table>
<script>${SCRIPT}</script>
</body></html>
`;
