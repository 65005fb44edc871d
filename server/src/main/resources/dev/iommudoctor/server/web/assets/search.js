// Search page: query, facets, histogram, hits with highlighted evidence, paging, saved searches.
// The state lives in the address bar (?q=&from=&to=&sort=&page=) so a search can be bookmarked.
import { api, el, formatTime, highlightNodes, show } from './common.js';

const PAGE_SIZE = 20;
const SVG = 'http://www.w3.org/2000/svg';

/** Facet dimension of the API -> query field that drills down into it, and its heading. */
const FACETS = [
  ['rule', 'rule', 'Rule'],
  ['severity', 'severity', 'Severity'],
  ['status', 'status', 'Status'],
  ['cpuVendor', 'cpu', 'CPU vendor'],
  ['boardVendor', 'board', 'Board vendor'],
  ['biosVersion', 'bios', 'BIOS version'],
  ['kernelSeries', 'kernelSeries', 'Kernel'],
  ['driver', 'driver', 'Driver'],
  ['vendorDevice', 'pciid', 'Vendor:device'],
];

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const q = $('q');
const from = $('from');
const to = $('to');
const sort = $('sort');
const error = $('error');
let page = 0;
let latest = 0; // number of the newest search sent: older answers arriving late are dropped

function readState() {
  const p = new URLSearchParams(window.location.search);
  q.value = p.get('q') || '';
  from.value = p.get('from') || '';
  to.value = p.get('to') || '';
  sort.value = ['relevance', 'newest', 'oldest'].includes(p.get('sort')) ? p.get('sort') : 'relevance';
  page = Math.max(0, parseInt(p.get('page') || '0', 10) || 0);
}

function params() {
  const p = new URLSearchParams();
  if (q.value.trim()) p.set('q', q.value.trim());
  if (from.value) p.set('from', from.value);
  if (to.value) p.set('to', to.value);
  if (sort.value !== 'relevance') p.set('sort', sort.value);
  if (page > 0) p.set('page', String(page));
  return p;
}

async function run(push) {
  const p = params();
  if (push) history.pushState(null, '', p.toString() ? `/?${p}` : '/');
  p.set('size', String(PAGE_SIZE));
  const mine = ++latest;
  try {
    const result = await api(`/api/search?${p}`);
    if (mine !== latest) return;
    show(error, '');
    render(result);
  } catch (e) {
    if (mine !== latest) return;
    show(error, e.status === 400 ? `Cannot run this search: ${e.message}` : e.message);
    $('summary').textContent = '';
    $('hits').replaceChildren();
    $('pager').replaceChildren();
    $('facets').replaceChildren();
    $('histogram').replaceChildren();
  }
}

function render(r) {
  const first = r.total === 0 ? 0 : r.page * r.pageSize + 1;
  const last = Math.min(r.total, (r.page + 1) * r.pageSize);
  $('summary').textContent = r.total === 0
    ? 'No incident matches.'
    : `${first}–${last} of ${r.total} incident${r.total === 1 ? '' : 's'} (${r.tookMillis} ms)`
      + (r.timedOut ? ' — the search hit its time limit: counts are partial' : '');
  $('hits').replaceChildren(...r.hits.map(hit));
  renderPager(r);
  renderFacets(r.facets || {});
  renderHistogram(r.histogram || []);
}

function hit(h) {
  const href = `/incidents/${encodeURIComponent(h.id)}`;
  const head = el('div', { class: 'hit-head' },
    el('a', { class: 'hit-title', href }, h.hostname || h.id),
    el('span', { class: `badge status-${h.status === 'resolved' ? 'resolved' : 'open'}` }, h.status),
    h.worstSeverity ? el('span', { class: `sev sev-${h.worstSeverity.toLowerCase()}` }, h.worstSeverity.toLowerCase()) : null,
    h.title ? el('span', {}, h.title) : null);
  const meta = el('div', { class: 'hit-meta' },
    [formatTime(h.time), h.kernel, h.system].filter(Boolean).join(' · '));
  const rules = el('div', { class: 'rules small' }, (h.rules || []).map((r) => el('code', {}, r)));
  const highlights = el('ul', { class: 'highlights' },
    (h.highlights || []).map((line) => el('li', {}, highlightNodes(line))));
  return el('li', { class: 'hit', 'data-id': h.id }, head, meta, rules, highlights);
}

function renderPager(r) {
  const pages = Math.ceil(Math.min(r.total, 10000) / r.pageSize);
  const nav = $('pager');
  if (pages <= 1) { nav.replaceChildren(); return; }
  const go = (n) => () => { page = n; run(true).then(() => window.scrollTo(0, 0)); };
  nav.replaceChildren(
    el('button', { class: 'secondary', type: 'button', disabled: r.page === 0, onclick: go(r.page - 1) }, '‹ Previous'),
    el('span', { class: 'muted' }, `page ${r.page + 1} of ${pages}`),
    el('button', { class: 'secondary', type: 'button', disabled: r.page + 1 >= pages, onclick: go(r.page + 1) }, 'Next ›'));
}

/** A value as a query term: quoted unless it is a plain identifier. */
function term(field, value) {
  const plain = /^[A-Za-z0-9_.-]+$/.test(value) && !/^(AND|OR|NOT|TO)$/.test(value);
  const v = plain ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
  return `${field}:${v}`;
}

function refine(field, value) {
  const t = term(field, value);
  const current = q.value.trim();
  if (current.split(/\s+AND\s+/).includes(t)) return;
  // a query with OR is bracketed first, so the facet narrows all of it
  const base = /\bOR\b/.test(current) ? `(${current})` : current;
  q.value = !current || current === '*' ? t : `${base} AND ${t}`;
  page = 0;
  run(true);
}

function renderFacets(facets) {
  const sections = [];
  for (const [key, field, label] of FACETS) {
    const values = facets[key] || [];
    if (values.length === 0) continue;
    sections.push(el('h2', {}, label), el('ul', { class: 'facet', 'data-facet': key },
      values.map((v) => el('li', {}, el('button', { type: 'button', title: `add ${term(field, v.value)}`,
        onclick: () => refine(field, v.value) },
      el('span', { class: 'value' }, v.value), el('span', { class: 'count' }, String(v.count)))))));
  }
  $('facets').replaceChildren(...sections);
}

/** Incidents per day as SVG bars; clicking a bar limits the search to that day. */
function renderHistogram(days) {
  const box = $('histogram');
  if (days.length === 0) { box.replaceChildren(); box.hidden = true; return; }
  box.hidden = false;
  const DAY = 86400000;
  const end = Date.parse(`${days[days.length - 1].day}T00:00:00Z`);
  // at least four weeks wide, so a few busy days do not become a wall of colour
  const start = Math.min(Date.parse(`${days[0].day}T00:00:00Z`), end - 27 * DAY);
  const startDay = new Date(start).toISOString().slice(0, 10);
  const span = Math.round((end - start) / DAY) + 1;
  const width = 1000;
  const height = 90;
  const plot = height - 16;
  const max = Math.max(...days.map((d) => d.count));
  const slot = width / Math.max(span, 1);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Incidents per day from ${startDay} to ${days[days.length - 1].day}`);
  for (const d of days) {
    const i = Math.round((Date.parse(`${d.day}T00:00:00Z`) - start) / DAY);
    const h = Math.max(2, (d.count / max) * (plot - 4));
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('class', 'bar');
    rect.setAttribute('x', String(i * slot + slot * 0.1));
    rect.setAttribute('width', String(Math.max(1, slot * 0.8)));
    rect.setAttribute('y', String(plot - h));
    rect.setAttribute('height', String(h));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${d.day}: ${d.count} incident${d.count === 1 ? '' : 's'}`;
    rect.append(title);
    rect.addEventListener('click', () => { from.value = d.day; to.value = d.day; page = 0; run(true); });
    svg.append(rect);
  }
  for (const [x, anchor, label] of [[0, 'start', startDay], [width, 'end', days[days.length - 1].day]]) {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', String(x));
    text.setAttribute('y', String(height - 2));
    text.setAttribute('text-anchor', anchor);
    text.textContent = label;
    svg.append(text);
  }
  box.replaceChildren(svg);
}

async function loadSaved() {
  const list = $('saved');
  try {
    const saved = await api('/api/saved-searches');
    if (saved.length === 0) {
      list.replaceChildren(el('li', { class: 'muted' }, 'None yet.'));
      return;
    }
    list.replaceChildren(...saved.map((s) => el('li', {},
      el('button', { type: 'button', class: 'run', title: s.query, onclick: () => { q.value = s.query; page = 0; run(true); } }, s.name),
      el('button', { type: 'button', class: 'link', title: `delete "${s.name}"`, 'aria-label': `delete ${s.name}`,
        onclick: async () => { await api(`/api/saved-searches/${encodeURIComponent(s.id)}`, { method: 'DELETE' }); loadSaved(); } }, '×'))));
  } catch (e) {
    list.replaceChildren(el('li', { class: 'error' }, e.message));
  }
}

$('save').addEventListener('click', async () => {
  const name = $('save-name').value.trim() || q.value.trim();
  if (!q.value.trim()) { show(error, 'Type a query before saving it.'); return; }
  try {
    await api('/api/saved-searches', { json: { name, query: q.value.trim() } });
    $('save-name').value = '';
    show(error, '');
    loadSaved();
  } catch (e) {
    show(error, `Not saved: ${e.message}`);
  }
});

$('clear').addEventListener('click', () => {
  q.value = ''; from.value = ''; to.value = ''; sort.value = 'relevance'; page = 0;
  run(true);
});

form.addEventListener('submit', (e) => { e.preventDefault(); page = 0; run(true); });
for (const input of [from, to, sort]) input.addEventListener('change', () => { page = 0; run(true); });
window.addEventListener('popstate', () => { readState(); run(false); });

readState();
run(false);
loadSaved();
