/**
 * The docs page (GET /docs) and its two files (GET /docs/{asset}). Small, hand-written and
 * shipped inside the function bundle, so the page works offline and loads nothing from a CDN;
 * the script reads the OpenAPI document the API serves at /v1/openapi.json.
 */

export const DOCS_ASSET_NAMES = ['docs.css', 'docs.js'] as const;
export type DocsAssetName = (typeof DOCS_ASSET_NAMES)[number];

/** Only files of our own origin: the page runs no inline script and loads nothing else. */
export const DOCS_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Relative URLs: the page works wherever the API is mounted (a custom domain's base path included).
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>leadstack API</title>
<link rel="stylesheet" href="docs/docs.css">
<script src="docs/docs.js" defer></script>
</head>
<body>
<header><h1>leadstack API</h1><input id="filter" type="search" placeholder="Filter routes" aria-label="Filter routes"><a href="v1/openapi.json">openapi.json</a></header>
<div id="layout"><nav id="nav" aria-label="Routes"></nav><main id="main"><p>Loading the OpenAPI document&hellip;</p></main></div>
<noscript><p>This page needs JavaScript; the raw document is at <a href="v1/openapi.json">v1/openapi.json</a>.</p></noscript>
</body>
</html>
`;

const CSS = `:root{--fg:#1d2330;--muted:#5b6474;--line:#dfe3ea;--bg:#f7f8fa;--get:#1f7a4d;--post:#1d5fbf;--patch:#a15c00;--put:#7a3fb0;--delete:#b3261e}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:#fff}
header{display:flex;gap:1rem;align-items:center;padding:.6rem 1.2rem;border-bottom:1px solid var(--line);position:sticky;top:0;background:#fff;z-index:1}
header h1{font-size:1.1rem;margin:0}header input{flex:1;max-width:24rem;padding:.35rem .6rem;border:1px solid var(--line);border-radius:6px}
#layout{display:grid;grid-template-columns:18rem 1fr}nav{border-right:1px solid var(--line);padding:1rem;height:calc(100vh - 3rem);overflow:auto;position:sticky;top:3rem;background:var(--bg)}
nav h2{font-size:.8rem;text-transform:uppercase;color:var(--muted);margin:1rem 0 .3rem}nav a{display:block;color:var(--fg);text-decoration:none;font-size:.85rem;padding:.1rem 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
main{padding:1rem 2rem;max-width:70rem}section.op{border:1px solid var(--line);border-radius:8px;margin:1rem 0;padding:.8rem 1rem}
.method{display:inline-block;min-width:4.2rem;text-align:center;color:#fff;border-radius:4px;font:600 .75rem/1.6 ui-monospace,monospace;padding:0 .4rem;margin-right:.5rem}
.GET{background:var(--get)}.POST{background:var(--post)}.PATCH{background:var(--patch)}.PUT{background:var(--put)}.DELETE{background:var(--delete)}
.path{font:600 .95rem ui-monospace,monospace}.lock{font-size:.75rem;color:var(--muted);margin-left:.5rem}
h3{font-size:.85rem;margin:.8rem 0 .3rem;color:var(--muted);text-transform:uppercase}table{border-collapse:collapse;width:100%;font-size:.85rem}
td,th{border-bottom:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top}code,.schema{font-family:ui-monospace,monospace;font-size:.8rem}
.schema{background:var(--bg);border-radius:6px;padding:.5rem .7rem;overflow:auto}.schema ul{list-style:none;margin:0;padding-left:1.1rem}.schema>ul{padding-left:0}
.type{color:var(--post)}.req{color:var(--delete)}.note{color:var(--muted)}.status{font-weight:600}.s2{color:var(--get)}.s4,.s5{color:var(--delete)}
details>summary{cursor:pointer}.hidden{display:none}
`;

const JS = `'use strict';
(function () {
  var doc;
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { if (c != null) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  // Descriptions are written in markdown; render its inline code and bold as elements (never
  // as HTML: text nodes only, so a description cannot inject markup).
  function md(text) {
    var parts = [];
    String(text || '').split(/(\x60[^\x60]+\x60|\\*\\*[^*]+\\*\\*)/).forEach(function (part) {
      if (!part) return;
      if (part[0] === '\\x60') parts.push(el('code', {}, [part.slice(1, -1)]));
      else if (part.slice(0, 2) === '**') parts.push(el('b', {}, [part.slice(2, -2)]));
      else parts.push(part);
    });
    return parts;
  }
  function resolve(schema) {
    var seen = 0;
    while (schema && schema.$ref && seen++ < 20) {
      var name = schema.$ref.replace('#/components/schemas/', '');
      schema = doc.components.schemas[name] || {};
    }
    return schema || {};
  }
  function typeOf(s) {
    if (s.const !== undefined) return JSON.stringify(s.const);
    if (s.enum) return s.enum.map(function (v) { return JSON.stringify(v); }).join(' | ');
    if (s.type === 'array') return 'array of ' + typeOf(resolve(s.items || {}));
    if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(function (x) { return typeOf(resolve(x)); }).join(' | ');
    return [].concat(s.type || 'any').join(' | ') + (s.format ? ' (' + s.format + ')' : '');
  }
  function notes(s) {
    var out = [];
    ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'].forEach(function (k) {
      if (s[k] !== undefined) out.push(k + ' ' + s[k]);
    });
    if (s.default !== undefined) out.push('default ' + JSON.stringify(s.default));
    if (s.additionalProperties === false) out.push('no other fields');
    return out.join(', ');
  }
  function tree(schema, depth) {
    var s = resolve(schema);
    var list = el('ul');
    if (depth > 6) return list;
    var variants = s.anyOf || s.oneOf;
    if (variants) {
      variants.forEach(function (v, i) {
        var r = resolve(v);
        list.appendChild(el('li', {}, [el('span', { class: 'note' }, [i === 0 ? 'one of: ' : 'or: ']), el('span', { class: 'type' }, [typeOf(r)]), children(r, depth)]));
      });
      return list;
    }
    var props = s.properties || {};
    var required = s.required || [];
    Object.keys(props).forEach(function (name) {
      var p = resolve(props[name]);
      list.appendChild(el('li', {}, [
        el('b', {}, [name]), required.indexOf(name) >= 0 ? el('span', { class: 'req' }, ['*']) : null, ': ',
        el('span', { class: 'type' }, [typeOf(p)]), ' ', el('span', { class: 'note' }, md([p.description, notes(p)].filter(Boolean).join(' · '))),
        children(p, depth),
      ]));
    });
    if (Object.keys(props).length === 0) list.appendChild(el('li', {}, [el('span', { class: 'type' }, [typeOf(s)]), ' ', el('span', { class: 'note' }, [notes(s)])]));
    return list;
  }
  function children(s, depth) {
    var inner = s.type === 'array' ? resolve(s.items || {}) : s;
    return inner.properties || inner.anyOf || inner.oneOf ? tree(inner, depth + 1) : null;
  }
  function schemaBox(schema) { return el('div', { class: 'schema' }, [tree(schema, 0)]); }
  function operation(path, method, op) {
    var M = method.toUpperCase();
    var section = el('section', { class: 'op', id: op.operationId, 'data-text': (M + ' ' + path + ' ' + op.summary).toLowerCase() }, [
      el('div', {}, [el('span', { class: 'method ' + M }, [M]), el('span', { class: 'path' }, [path]), el('span', { class: 'lock' }, [op.security && op.security.length ? 'Bearer key or token' : 'public'])]),
      el('p', {}, md(op.summary)),
      op.description ? el('p', { class: 'note' }, md(op.description)) : null,
    ]);
    if (op.parameters && op.parameters.length) {
      section.appendChild(el('h3', {}, ['Parameters']));
      section.appendChild(el('table', {}, [el('tr', {}, [el('th', {}, ['name']), el('th', {}, ['in']), el('th', {}, ['type']), el('th', {}, ['notes'])])].concat(op.parameters.map(function (p) {
        var s = resolve(p.schema || {});
        return el('tr', {}, [el('td', {}, [el('code', {}, [p.name]), p.required ? el('span', { class: 'req' }, ['*']) : null]), el('td', {}, [p.in]), el('td', {}, [typeOf(s)]), el('td', {}, md([p.description, notes(s)].filter(Boolean).join(' · ')))]);
      }))));
    }
    if (op.requestBody) {
      var media = op.requestBody.content['application/json'];
      section.appendChild(el('h3', {}, ['Request body' + (op.requestBody.required ? '' : ' (optional)')]));
      if (media) section.appendChild(schemaBox(media.schema));
    }
    section.appendChild(el('h3', {}, ['Responses']));
    Object.keys(op.responses).forEach(function (status) {
      var r = op.responses[status];
      var types = Object.keys(r.content || {});
      var head = el('summary', {}, [el('span', { class: 'status s' + status[0] }, [status]), ' ', r.description, types.length ? el('span', { class: 'note' }, [' — ' + types.join(', ')]) : null]);
      var json = r.content && r.content['application/json'];
      section.appendChild(json ? el('details', {}, [head, schemaBox(json.schema)]) : el('div', {}, [head.childNodes[0], ' ', r.description]));
    });
    return section;
  }
  function render() {
    var main = document.getElementById('main');
    var nav = document.getElementById('nav');
    main.textContent = '';
    main.appendChild(el('h2', {}, [doc.info.title, ' ', el('span', { class: 'note' }, ['version ' + doc.info.version])]));
    main.appendChild(el('p', { class: 'note' }, md(doc.info.description)));
    (doc.tags || []).forEach(function (tag) {
      nav.appendChild(el('h2', {}, [tag.name]));
      main.appendChild(el('h2', { id: 'tag-' + tag.name }, [tag.name]));
      Object.keys(doc.paths).forEach(function (path) {
        Object.keys(doc.paths[path]).forEach(function (method) {
          var op = doc.paths[path][method];
          if (op.tags.indexOf(tag.name) < 0) return;
          main.appendChild(operation(path, method, op));
          nav.appendChild(el('a', { href: '#' + op.operationId, 'data-text': (method + ' ' + path).toLowerCase() }, [method.toUpperCase() + ' ' + path]));
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('filter').addEventListener('input', function (e) {
      var q = e.target.value.toLowerCase();
      document.querySelectorAll('[data-text]').forEach(function (node) { node.classList.toggle('hidden', node.getAttribute('data-text').indexOf(q) < 0); });
    });
    fetch('v1/openapi.json').then(function (r) { return r.json(); }).then(function (d) { doc = d; render(); }).catch(function (err) {
      document.getElementById('main').textContent = 'Could not load v1/openapi.json: ' + err;
    });
  });
})();
`;

export const DOCS_ASSETS: Readonly<Record<DocsAssetName, { readonly contentType: string; readonly body: string }>> = {
  'docs.css': { contentType: 'text/css; charset=utf-8', body: CSS },
  'docs.js': { contentType: 'text/javascript; charset=utf-8', body: JS },
};
