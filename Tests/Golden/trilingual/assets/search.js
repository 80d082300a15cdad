// Site search, in the reader's browser. The site must work from disk (file://, a USB stick), where fetch and XHR
// are blocked, so the index is a set of scripts that call window.achykSearch.* and is loaded by <script src>.
// Titles and excerpts come from user content: they reach the page only through textContent, never as HTML.
(() => {
  'use strict';
  const api = window.achykSearch = {
    loaded: [], lastTiming: null,
    manifest(m) { manifest = m; },
    terms(n, t) { shards.set(n, t); },
    docs(n, list) { chunks.set(n, list); },
  };
  let manifest = null;
  const shards = new Map(), chunks = new Map(), pending = new Map();

  const box = document.getElementById('search');
  const input = document.getElementById('search-q');
  if (!box || !input) return;
  const d = box.dataset, form = input.form;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const PAGE = 10, WORD = /[\p{L}\p{N}]+/gu;
  let generation = 0, rendered = -1, results = [], shown = 0, terms = [], timer = 0, busy = false, current = '';

  // Loads one index file once; resolves when its callback has stored the data (`ready`), else rejects.
  function load(file, ready) {
    if (ready()) return Promise.resolve();
    if (!pending.has(file)) pending.set(file, new Promise((resolve, reject) => {
      const s = document.createElement('script');
      const end = ok => {
        s.remove();
        if (ok && ready()) { api.loaded.push(file); resolve(); } else { pending.delete(file); reject(new Error(file)); }
      };
      s.onload = () => end(true);
      s.onerror = () => end(false);
      s.src = (d.index || '') + file;
      document.head.appendChild(s);
    }));
    return pending.get(file);
  }
  let manifestReady = null;
  const loadManifest = () => manifestReady || (manifestReady = load('manifest.js', () => manifest).then(() => {
    if (manifest.version !== 1) throw new Error('index version ' + manifest.version);
  }).catch(e => { manifestReady = null; throw e; }));

  // Exactly what the generator does to the documents' words: lower case, fold, split, stem.
  // NFC first, so that a letter typed as letter + combining mark still matches.
  const norm = s => {
    s = s.normalize('NFC').toLowerCase();
    // Character by character, not a regular expression: a fold key that is a sign would be a syntax error there.
    const fold = manifest.fold || {};
    return Array.from(s, c => fold[c] ?? c).join('');
  };
  const length = s => { let n = 0; for (const _ of s) n++; return n; };
  function stem(word) {
    if (/^\p{N}+$/u.test(word)) return word;
    const { min, passes, suffixes } = manifest.stem || { passes: 0 };
    let n = length(word);
    for (let pass = 0; pass < passes; pass++) {
      const s = suffixes.find(s => word.endsWith(s) && n - length(s) >= min);
      if (!s) break;
      word = word.slice(0, word.length - s.length);
      n -= length(s);
    }
    return word;
  }
  const tokens = text => (norm(text).match(WORD) || []).filter(t => length(t) >= manifest.minTerm).map(stem);
  const matches = word => tokens(word).some(t => terms.some(q => t.startsWith(q)));

  // The shards that can hold terms starting with q: the one of the longest prefix of q, and those whose prefix
  // extends q. All of them if they fit the byte budget, else only the first (which holds q itself).
  function shardsFor(q, budget) {
    let own = null;
    const below = [];
    for (const shard of manifest.shards) {
      if (q.startsWith(shard[0])) { if (!own || shard[0].length > own[0].length) own = shard; }
      else if (shard[0].startsWith(q)) below.push(shard);
    }
    const all = own ? [own, ...below] : below;
    return all.reduce((sum, s) => sum + s[2], 0) <= budget ? all : all.slice(0, own ? 1 : 0);
  }

  // Scores every document against every term with typed arrays; only the postings of matched terms are decoded.
  function rank(plan) {
    const n = manifest.docs, total = new Float64Array(n), hits = new Uint16Array(n);
    const best = new Float64Array(n), seen = new Uint8Array(n);
    terms.forEach((q, i) => {
      const touched = [];
      for (const [, number] of plan[i]) {
        const shard = shards.get(number);
        for (const term of Object.keys(shard)) {
          if (!term.startsWith(q)) continue;
          const postings = shard[term], exact = term === q ? 2 : 1;
          for (let k = 0, id = 0; k < postings.length; k += 2) {
            id = k ? id + postings[k] : postings[k];
            const score = postings[k + 1];
            if (!seen[id]) { seen[id] = exact; best[id] = score; touched.push(id); }
            else { if (score > best[id]) best[id] = score; if (exact > seen[id]) seen[id] = exact; }
          }
        }
      }
      for (const id of touched) { total[id] += best[id] + seen[id] - 1; hits[id]++; seen[id] = 0; }
    });
    const found = [];
    for (let id = 0; id < n; id++) if (hits[id] === terms.length) found.push(id);
    return found.sort((a, b) => total[b] - total[a] || a - b);
  }

  async function run(raw, t0 = performance.now()) {
    const gen = ++generation, query = raw.trim();
    current = query;
    address(query);
    if (!query) { clear(); say(''); box.dataset.state = 'idle'; return; }
    if (manifest && !tokens(query).length) { clear(); say(''); box.dataset.state = 'idle'; return; } // one letter: wait for more
    box.dataset.state = 'loading';
    try {
      if (!manifest) say(d.loading);
      await loadManifest();
      if (gen !== generation) return;
      const words = [...new Set(tokens(query))];
      const plan = words.map(q => shardsFor(q, 300000 / words.length));
      const files = plan.flat().filter(s => !shards.has(s[1]));
      if (files.length) say(d.loading);
      await Promise.all(files.map(s => load(`t${s[1]}.js`, () => shards.has(s[1]))));
      if (gen !== generation) return;
      terms = words;
      results = words.length ? rank(plan) : [];
      shown = 0;
      // Back from a result: as many results as were shown before it was opened.
      const before = (history.state && history.state.q === query && history.state.shown) || 0;
      await page(gen, t0, query);
      while (before > shown && shown < results.length && gen === generation) await page(gen, t0, query);
    } catch (e) {
      if (gen === generation) fail();
    }
  }
  const clear = () => { results = []; shown = 0; list.textContent = ''; more.hidden = true; };
  const fail = () => { clear(); say(d.error); box.dataset.state = 'done'; };

  // Shows the next PAGE results, loading only the document files they are in.
  async function page(gen, t0, query = current) {
    const next = results.slice(shown, shown + PAGE);
    const need = [...new Set(next.map(id => Math.floor(id / manifest.chunk)))];
    await Promise.all(need.map(c => load(`d${c}.js`, () => chunks.has(c))));
    if (gen !== generation) return;
    if (!shown) list.textContent = '';
    const items = next.map(id => item(chunks.get(Math.floor(id / manifest.chunk))[id % manifest.chunk]));
    list.append(...items);
    shown += next.length;
    rendered = gen;
    more.hidden = shown >= results.length;
    say(results.length ? fill(d.found, '{count}', count(results.length)) : fill(d.none, '{query}', echo(query)));
    remember(query);
    box.dataset.state = 'done';
    api.lastTiming = performance.now() - t0;
    return items;
  }

  function item([path, title, kind, place, text]) {
    const li = make('li', 'search-result'), a = make('a');
    a.href = d.root + path; // relative to the site root: a path cannot become a javascript: link
    highlight(a, title);
    const key = 'kind' + kind.charAt(0).toUpperCase() + kind.slice(1);
    li.append(a, ' ', make('span', 'search-kind', d[key] || kind));
    if (place) li.append(make('span', 'search-place', ' · ' + place));
    li.append(snippet(text));
    return li;
  }

  // About 160 characters of the excerpt around its first matching word, cut at spaces.
  function snippet(text) {
    const p = make('p', 'search-snippet');
    let at = -1;
    for (const m of text.matchAll(WORD)) if (matches(m[0])) { at = m.index; break; }
    let start = Math.max(0, at - 60), end = start + 160;
    if (start > 0) { const space = text.indexOf(' ', start); if (space >= 0 && space < at) start = space + 1; }
    if (end < text.length) { const space = text.lastIndexOf(' ', end); if (space > start + 80) end = space; }
    else end = text.length;
    highlight(p, (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : ''));
    return p;
  }

  // Appends text to parent as text nodes, each matching word in a <mark>.
  function highlight(parent, text) {
    let last = 0;
    for (const m of text.matchAll(WORD)) {
      if (!matches(m[0])) continue;
      parent.append(text.slice(last, m.index), make('mark', '', m[0]));
      last = m.index + m[0].length;
    }
    parent.append(text.slice(last));
  }

  function make(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }
  // The status is spoken by screen readers: said again only when it changes.
  const say = text => { if (status.textContent !== (text || '')) status.textContent = text || ''; };
  // A query as the page repeats it: without direction controls (which could turn the page's own sentence around),
  // at most 60 characters, isolated from the sentence around it.
  const echo = query => {
    const plain = Array.from(query.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ''));
    return '\u2068' + plain.slice(0, 60).join('') + (plain.length > 60 ? '…' : '') + '\u2069';
  };
  // How many results are shown for which query, kept in the history entry so that "back" restores them.
  function remember(query) {
    try { history.replaceState({ q: query, shown }, ''); } catch (e) { /* file:// may refuse; nothing is lost but this */ }
  }
  const fill = (template, key, value) => (template || '').split(key).join(value);
  // Grouped as the generator's Localizer does (Intl may lack Kyrgyz and would write 5,835, a decimal to a ky reader).
  const count = n => String(n).replace(/\B(?=(\d{3})+$)/g, d.lang === 'en' ? ',' : '\u00a0');
  function address(query) {
    try { // may throw on file:// in some browsers; the search works without it
      const url = new URL(location.href);
      if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
      history.replaceState(history.state && history.state.q === query ? history.state : null, '', url.href);
    } catch (e) { /* keep the address as it is */ }
  }

  form.hidden = false;
  if (d.more) more.textContent = d.more;
  box.dataset.state = 'idle';
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 150); });
  form.addEventListener('submit', e => { e.preventDefault(); clearTimeout(timer); run(input.value); });
  more.addEventListener('click', async () => {
    if (busy || rendered !== generation) return; // a newer query is on its way
    busy = true;
    box.dataset.state = 'loading';
    const gen = generation;
    const items = await page(gen, performance.now()).catch(() => gen === generation && fail());
    busy = false;
    // The button may now be hidden: keyboard focus goes to the first new result instead.
    if (items && items[0]) items[0].firstChild.focus();
  });
  const initial = new URLSearchParams(location.search).get('q');
  // What the box shows is what is searched (a search box drops line breaks that an address may hold).
  if (initial) { input.value = initial; run(input.value); } else loadManifest().catch(() => {});
})();
